package fr.progsys.correction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Les retours d'un TP pour l'étudiant : un rapport JUnit XML (le format
 * « legacy » que lisent Jenkins, GitLab et les IDE) et un
 * {@code results.json} au format du test runner d'Exercism, version 3.
 */
final class Retours {

    private Retours() {
    }

    static void ecrire(Resultat r, Path dossier) throws IOException {
        Files.createDirectories(dossier);
        Files.writeString(dossier.resolve("TEST-" + r.tp() + ".xml"), xml(r),
                StandardCharsets.UTF_8);
        Files.writeString(dossier.resolve("results.json"), json(r),
                StandardCharsets.UTF_8);
        if (!r.sortie().isEmpty()) {
            Files.writeString(dossier.resolve("sortie.txt"), r.sortie(),
                    StandardCharsets.UTF_8);
        }
    }

    // ----- Exercism, version 3 -----

    static String json(Resultat r) {
        StringBuilder b = new StringBuilder();
        b.append("{\n  \"version\": 3,\n  \"status\": ").append(q(r.statut()))
                .append(",\n  \"message\": ")
                .append(r.statut().equals("error") ? q(r.message()) : "null")
                .append(",\n  \"tests\": [");
        List<Resultat.Cas> tests = r.tests();
        for (int i = 0; i < tests.size(); i++) {
            Resultat.Cas t = tests.get(i);
            b.append(i == 0 ? "\n" : ",\n").append("    {\n")
                    .append("      \"name\": ").append(q(t.nom())).append(",\n")
                    .append("      \"status\": ").append(q(t.statut())).append(",\n")
                    .append("      \"message\": ")
                    .append(t.statut().equals("pass") ? "null" : q(t.message()))
                    .append(",\n")
                    .append("      \"test_code\": ").append(q(t.code())).append("\n")
                    .append("    }");
        }
        b.append(tests.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return b.toString();
    }

    static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    // ----- JUnit XML -----

    static String xml(Resultat r) {
        long echecs = r.tests().stream().filter(t -> t.statut().equals("fail")).count();
        long erreurs = r.tests().stream().filter(t -> t.statut().equals("error")).count();
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<testsuite name=\"").append(x("TP " + r.tp()))
                .append("\" tests=\"").append(Math.max(r.total(), r.tests().size()))
                .append("\" failures=\"").append(echecs)
                .append("\" errors=\"").append(erreurs)
                .append("\" skipped=\"0\" time=\"")
                .append(String.format(Locale.ROOT, "%.3f", r.secondes()))
                .append("\" timestamp=\"").append(Instant.now()).append("\">\n");
        if (r.statut().equals("error") && r.tests().isEmpty()) {
            b.append("  <testcase name=\"").append(x(r.tp())).append("\" classname=\"")
                    .append(x("fr.progsys.tp." + r.tp())).append("\" time=\"0\">\n")
                    .append("    <error message=\"").append(x(premiereLigne(r.message())))
                    .append("\">").append(x(r.message())).append("</error>\n")
                    .append("  </testcase>\n");
        }
        for (Resultat.Cas t : r.tests()) {
            b.append("  <testcase name=\"").append(x(t.nom())).append("\" classname=\"")
                    .append(x(t.classe())).append("\" time=\"")
                    .append(String.format(Locale.ROOT, "%.3f", t.ms() / 1000.0))
                    .append('"');
            if (t.statut().equals("pass")) {
                b.append("/>\n");
                continue;
            }
            String balise = t.statut().equals("fail") ? "failure" : "error";
            b.append(">\n    <").append(balise).append(" message=\"")
                    .append(x(premiereLigne(t.message()))).append("\">")
                    .append(x(t.message())).append("</").append(balise).append(">\n")
                    .append("  </testcase>\n");
        }
        if (!r.sortie().isEmpty()) {
            b.append("  <system-out>").append(x(r.sortie())).append("</system-out>\n");
        }
        return b.append("</testsuite>\n").toString();
    }

    private static String premiereLigne(String s) {
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }

    /** Échappe pour XML 1.0, en retirant les caractères qu'il interdit. */
    static String x(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    boolean permis = c == '\n' || c == '\r' || c == '\t'
                            || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                            || Character.isSurrogate(c);
                    b.append(permis ? c : '\uFFFD');
                }
            }
        }
        return b.toString();
    }
}
