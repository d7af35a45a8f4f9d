package fr.progsys.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * La liste des diapositives du cours, lue dans
 * {@code docs/src/docs/asciidoc/diapositives.csv} : une ligne par diapositive,
 * quatre champs séparés par « ; » (identifiant, chapitre, titre, ancre du
 * livre). Un enseignant ajoute une diapositive en ajoutant une ligne ; aucune
 * vérification du livre ne connaît les identifiants autrement.
 */
final class Slides {

    static final String HEADER = "id;chapitre;titre;ancre";

    private static final Pattern ID = Pattern.compile("[A-Z]\\d\\d");
    private static final Pattern ANCHOR = Pattern.compile("[A-Za-z_][\\w-]*");

    /** Une diapositive : son identifiant (T04), son chapitre, son titre, l'ancre de sa section. */
    record Slide(String id, String chapter, String title, String anchor) { }

    private Slides() {
    }

    /** Lit le fichier de données ; une ligne mal formée donne une erreur qui la nomme. */
    static List<Slide> load(Path file) {
        try {
            return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("liste des diapositives illisible : " + file, e);
        }
    }

    /**
     * Analyse les lignes du fichier : en-tête {@value #HEADER}, puis une
     * diapositive par ligne ; les lignes vides et celles qui commencent par
     * « # » sont ignorées.
     *
     * @throws IllegalArgumentException en français, avec le numéro de ligne,
     *         pour un en-tête absent, un nombre de champs faux, un identifiant
     *         mal formé ou répété, une ancre vide
     */
    static List<Slide> parse(String source, List<String> lines) {
        List<Slide> slides = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        boolean header = false;
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + ":" + n + " : ";
            if (!header) {
                if (!line.equals(HEADER)) {
                    throw new IllegalArgumentException(where + "en-tête attendu « " + HEADER
                            + " », lu « " + line + " »");
                }
                header = true;
                continue;
            }
            String[] fields = line.split(";", -1);
            if (fields.length != 4) {
                throw new IllegalArgumentException(where + "4 champs séparés par « ; » attendus, "
                        + fields.length + " lus (un titre ne doit pas contenir de « ; »)");
            }
            String id = fields[0].strip();
            String anchor = fields[3].strip();
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException(where + "identifiant « " + id
                        + " » : une lettre majuscule et deux chiffres attendus (T04)");
            }
            Integer first = seen.putIfAbsent(id, n);
            if (first != null) {
                throw new IllegalArgumentException(where + id + " figure déjà ligne " + first);
            }
            if (!ANCHOR.matcher(anchor).matches()) {
                throw new IllegalArgumentException(where + "ancre « " + anchor + " » invalide");
            }
            if (fields[1].isBlank() || fields[2].isBlank()) {
                throw new IllegalArgumentException(where + "chapitre et titre sont obligatoires");
            }
            slides.add(new Slide(id, fields[1].strip(), fields[2].strip(), anchor));
        }
        if (!header) {
            throw new IllegalArgumentException(source + " : fichier vide, en-tête « " + HEADER
                    + " » attendu");
        }
        return slides;
    }

    /** L'expression d'un identifiant, tirée des préfixes présents : {@code [ISTU]\d\d}. */
    static Pattern idPattern(List<Slide> slides) {
        String prefixes = slides.stream()
                .map(s -> s.id().substring(0, 1))
                .collect(Collectors.toCollection(TreeSet::new))
                .stream().collect(Collectors.joining());
        if (prefixes.isEmpty()) {
            return Pattern.compile("(?!)");
        }
        return Pattern.compile("[" + prefixes + "]\\d\\d");
    }

    /** Les diapositives par identifiant, dans l'ordre du fichier. */
    static Map<String, Slide> byId(List<Slide> slides) {
        Map<String, Slide> map = new LinkedHashMap<>();
        slides.forEach(s -> map.put(s.id(), s));
        return map;
    }
}
