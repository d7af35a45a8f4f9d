package fr.progsys.tp;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * La boucle étudiante. Lancé par Maven :
 * {@code ./mvnw -q -pl tp-exercises -am test-compile -Dtp=philosophes}
 * vérifie un TP et dit quelles attentes tiennent ; {@code -Dtp=bilan}
 * affiche le tableau de progression de tous les TP.
 */
final class Verificateur {

    private Verificateur() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String tp = args.length == 0 ? "bilan" : args[0].strip().toLowerCase();
        int code;
        if (tp.equals("bilan") || tp.equals("tous")) {
            code = bilan(out);
        } else if (Resultats.TPS.contains(tp)) {
            code = detail(out, Resultats.executer(tp));
        } else {
            out.println("TP inconnu : « " + tp + " ». Les TP : "
                    + String.join(", ", Resultats.TPS) + " (ou bilan).");
            code = 2;
        }
        // Un TP faux peut laisser des threads bloqués : on ne les attend pas.
        System.exit(code);
    }

    static int detail(PrintStream out, Resultats r) {
        out.println();
        out.println("TP " + r.tp() + " : vérification par les tests fournis");
        if (r.attentes().isEmpty()) {
            out.println("  aucun test trouvé pour ce TP");
            return 1;
        }
        for (Resultats.Attente a : r.attentes()) {
            out.println((a.tenue() ? "  [ok]    " : "  [ÉCHEC] ") + a.intitule());
            if (!a.tenue()) {
                out.println("            → " + a.raison());
            }
        }
        out.printf("%d attente(s) sur %d tenue(s).%n", r.tenues(),
                r.attentes().size());
        if (r.tenues() == r.attentes().size()) {
            out.println("Bravo, le TP passe : comparez avec la solution"
                    + " (annexe du livre).");
            return 0;
        }
        out.println("Corrigez la première attente en échec, puis relancez.");
        return 1;
    }

    static int bilan(PrintStream out) {
        out.println();
        out.printf("%-12s %-10s %s%n", "TP", "réussis", "état");
        out.println("-".repeat(34));
        int finis = 0;
        for (String tp : Resultats.TPS) {
            Resultats r = Resultats.executer(tp);
            int total = r.attentes().size();
            long ok = r.tenues();
            String etat = total == 0 ? "sans test"
                    : ok == total ? "terminé"
                    : ok == 0 ? "à faire" : "en cours";
            if (total > 0 && ok == total) {
                finis++;
            }
            out.printf("%-12s %-10s %s%n", tp, ok + " / " + total, etat);
        }
        out.println("-".repeat(34));
        out.printf("%d TP terminé(s) sur %d.%n", finis, Resultats.TPS.size());
        return 0;
    }
}
