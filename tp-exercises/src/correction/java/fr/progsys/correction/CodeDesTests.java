package fr.progsys.correction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Le code source d'une méthode de test, pour le champ {@code test_code} du
 * format Exercism : cherché dans les sources des tests fournis du paquetage
 * (la méthode peut être héritée d'une classe mère, comme les scénarios du chat).
 */
final class CodeDesTests {

    private CodeDesTests() {
    }

    static String code(Path tests, String classe, String methode) {
        if (classe.isEmpty() || methode.isEmpty()) {
            return "";
        }
        int point = classe.lastIndexOf('.');
        Path paquet = tests.resolve(classe.substring(0, Math.max(point, 0))
                .replace('.', '/'));
        String simple = classe.substring(point + 1).replaceAll("\\$.*", "");
        try {
            List<Path> fichiers = Compilateur.fichiers(paquet).stream()
                    .sorted((a, b) -> a.getFileName().toString().equals(simple + ".java")
                            ? -1 : b.getFileName().toString().equals(simple + ".java")
                            ? 1 : a.compareTo(b))
                    .toList();
            Pattern p = Pattern.compile("\\bvoid\\s+" + Pattern.quote(methode) + "\\s*\\(");
            for (Path f : fichiers) {
                String src = Files.readString(f, StandardCharsets.UTF_8);
                Matcher m = p.matcher(src);
                if (m.find()) {
                    return extraire(src, m.start());
                }
            }
        } catch (IOException e) {
            // pas de code : le champ reste vide
        }
        return "";
    }

    /** De la première annotation au-dessus de la méthode jusqu'à son accolade fermante. */
    private static String extraire(String src, int debutSignature) {
        int debut = src.lastIndexOf('\n', debutSignature) + 1;
        while (debut > 0) {
            int precedente = src.lastIndexOf('\n', debut - 2) + 1;
            String ligne = src.substring(precedente, debut).strip();
            if (!ligne.startsWith("@")) {
                break;
            }
            debut = precedente;
        }
        int accolade = src.indexOf('{', debutSignature);
        if (accolade < 0) {
            return "";
        }
        int profondeur = 0;
        boolean chaine = false;
        boolean caractere = false;
        for (int i = accolade; i < src.length(); i++) {
            char c = src.charAt(i);
            if ((chaine || caractere) && c == '\\') {
                i++;
                continue;
            }
            if (!chaine && !caractere && c == '/' && i + 1 < src.length()
                    && (src.charAt(i + 1) == '/' || src.charAt(i + 1) == '*')) {
                // commentaire : ses apostrophes françaises ne comptent pas
                int fin = src.charAt(i + 1) == '/' ? src.indexOf('\n', i)
                        : src.indexOf("*/", i + 2) + 1;
                if (fin <= 0) {
                    return "";
                }
                i = fin;
                continue;
            }
            if (!caractere && c == '"') {
                chaine = !chaine;
            } else if (!chaine && c == '\'') {
                caractere = !caractere;
            } else if (!chaine && !caractere) {
                if (c == '{') {
                    profondeur++;
                } else if (c == '}' && --profondeur == 0) {
                    return src.substring(debut, i + 1).stripIndent().strip();
                }
            }
        }
        return "";
    }
}
