package fr.progsys.correction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Le tableau des notes : {@code notes.csv} pour le tableur, {@code notes.md} pour lire. */
final class Notes {

    private Notes() {
    }

    /** Une ligne : l'étudiant et ses résultats, dans l'ordre des TP. */
    record Ligne(String etudiant, Map<String, Resultat> resultats) {

        int passes() {
            return resultats.values().stream().mapToInt(Resultat::passes).sum();
        }

        int total() {
            return resultats.values().stream().mapToInt(Resultat::total).sum();
        }
    }

    static void ecrire(Path dossier, List<String> tps, List<Ligne> lignes,
            List<String> entete) throws IOException {
        StringBuilder csv = new StringBuilder("etudiant");
        tps.forEach(tp -> csv.append(',').append(tp));
        csv.append(",total\n");
        for (Ligne l : lignes) {
            csv.append(champCsv(l.etudiant()));
            for (String tp : tps) {
                csv.append(',').append(l.resultats().get(tp).note());
            }
            csv.append(',').append(l.passes()).append('/').append(l.total()).append('\n');
        }
        Files.writeString(dossier.resolve("notes.csv"), csv, StandardCharsets.UTF_8);

        StringBuilder md = new StringBuilder("# Notes de la promotion\n\n");
        entete.forEach(e -> md.append(e).append("  \n"));
        md.append("\nChaque case : tests passés / tests fournis du TP.\n\n| Étudiant |");
        tps.forEach(tp -> md.append(' ').append(tp).append(" |"));
        md.append(" Total |\n|---|");
        tps.forEach(tp -> md.append("---:|"));
        md.append("---:|\n");
        for (Ligne l : lignes) {
            md.append("| ").append(l.etudiant().replace("|", "\\|")).append(" |");
            for (String tp : tps) {
                Resultat r = l.resultats().get(tp);
                md.append(' ').append(r.note());
                if (!r.remarque().isEmpty()) {
                    md.append(" (").append(r.remarque()).append(')');
                }
                md.append(" |");
            }
            md.append(' ').append(l.passes()).append('/').append(l.total()).append(" |\n");
        }
        md.append("\nDétail par étudiant : `retours/<étudiant>/<tp>/` (rapport JUnit XML,"
                + " `results.json` au format Exercism version 3, sortie du programme).\n");
        Files.writeString(dossier.resolve("notes.md"), md, StandardCharsets.UTF_8);
    }

    private static String champCsv(String s) {
        return s.matches("[^,\"\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
