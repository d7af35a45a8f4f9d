package fr.progsys.tp;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * La boucle étudiante. Lancé par Maven (voir {@link Lanceur}) :
 * {@code ./mvnw -q -pl tp-exercises -am test-compile -Dtp=philosophes}
 * vérifie un TP et dit quelles exigences tiennent ; {@code -Dindice=2}
 * affiche l'indice 2 du TP ; {@code -Dtp=bilan} résume tous les TP.
 *
 * <p>Code de sortie : 0 si toutes les exigences du TP tiennent (ou pour un
 * indice, un bilan), 1 si l'une échoue, 2 pour un TP ou un indice inconnu.
 */
final class Verificateur {

    static final int OK = 0;
    static final int ECHEC = 1;
    static final int INCONNU = 2;

    /** Où la boucle note les indices déjà lus (un fichier par TP). */
    static final Path NOTES = Path.of(System.getProperty("progsys.boucle",
            "target/boucle"));

    private Verificateur() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        // Ctrl-C au milieu d'un test : ni processus enfant ni objet IPC laissé.
        Runtime.getRuntime().addShutdownHook(new Thread(Surveillance::nettoyer,
                "nettoyage"));
        // « philosophes » ou « tp=philosophes indice=2 surveiller=true »
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            int egal = args[i].indexOf('=');
            if (egal > 0) {
                options.put(args[i].substring(0, egal), args[i].substring(egal + 1)
                        .strip());
            } else {
                options.put(i == 0 ? "tp" : "indice", args[i].strip());
            }
        }
        String tp = options.getOrDefault("tp", "bilan").toLowerCase();
        if (tp.isEmpty()) {
            tp = "bilan";
        }
        String indice = options.getOrDefault("indice", "");
        String s = options.getOrDefault("surveiller", "false");
        boolean surveiller = !s.equals("false");
        int code;
        if (tp.equals("bilan") || tp.equals("tous")) {
            code = bilan(out);
        } else if (!Resultats.TPS.contains(tp)) {
            out.println("TP inconnu : « " + tp + " ». Les TP : "
                    + String.join(", ", Resultats.TPS) + " (ou bilan).");
            code = INCONNU;
        } else if (!indice.isEmpty()) {
            code = indice(out, tp, indice);
        } else if (surveiller) {
            code = Surveillance.surveiller(out, tp);
        } else {
            code = detail(out, Resultats.executer(tp));
        }
        // Un TP faux peut laisser des threads bloqués : on ne les attend pas.
        System.exit(code);
    }

    static int detail(PrintStream out, Resultats r) {
        out.println();
        out.println("TP " + r.tp() + " : vérification par les tests fournis");
        if (r.attentes().isEmpty()) {
            out.println("  aucun test trouvé pour ce TP");
            return ECHEC;
        }
        for (Resultats.Attente a : r.attentes()) {
            out.print(ligneAttente(a, !a.tenue()));
        }
        out.printf("%d exigence(s) sur %d tenue(s).%n", r.tenues(),
                r.attentes().size());
        if (r.tenues() == r.attentes().size()) {
            out.println("Bravo, le TP passe : comparez avec la solution"
                    + " (module solutions).");
            return OK;
        }
        out.println("Corrigez la première exigence en échec, puis relancez.");
        out.print(plier(prochainIndice(r.tp()), "", ""));
        return ECHEC;
    }

    /**
     * Une exigence, « [ok] » ou « [ÉCHEC] » puis son intitulé, et si
     * {@code raison} la raison de l'échec dessous, en retrait ; pliées à
     * {@link #LARGEUR} colonnes.
     */
    static String ligneAttente(Resultats.Attente a, boolean raison) {
        StringBuilder b = new StringBuilder(plier(a.intitule(),
                a.tenue() ? "  [ok]    " : "  [ÉCHEC] ", "          "));
        if (raison) {
            String retrait = "            → ";
            for (String ligne : a.raison().split("\n")) {
                b.append(plier(ligne, retrait, "              "));
                retrait = "              ";
            }
        }
        return b.toString();
    }

    /** Largeur d'un terminal classique : les lignes plus longues sont pliées. */
    static final int LARGEUR = 80;

    /**
     * {@code texte} plié en lignes d'au plus {@link #LARGEUR} colonnes, entre
     * deux mots : la première après {@code debut}, les suivantes après
     * {@code suite} (un retrait, pour que la liste reste lisible).
     */
    static String plier(String texte, String debut, String suite) {
        StringBuilder b = new StringBuilder(debut);
        int colonne = debut.length();
        boolean premier = true;
        for (String mot : mots(texte)) {
            if (!premier && colonne + 1 + mot.length() > LARGEUR) {
                b.append('\n').append(suite);
                colonne = suite.length();
                premier = true;
            }
            if (!premier) {
                b.append(' ');
                colonne++;
            }
            b.append(mot);
            colonne += mot.length();
            premier = false;
        }
        return b.append('\n').toString();
    }

    /**
     * Les mots de {@code texte}, sans couper la typographie : un signe
     * double (« : ; ? ! » ») reste avec le mot d'avant, « « » avec le mot
     * d'après, comme le ferait une espace insécable.
     */
    static List<String> mots(String texte) {
        List<String> mots = new ArrayList<>();
        boolean colle = false;
        for (String m : texte.strip().split(" +")) {
            if (!mots.isEmpty() && (colle || m.matches("[:;?!»]+[.,)]*"))) {
                mots.set(mots.size() - 1, mots.get(mots.size() - 1) + " " + m);
            } else {
                mots.add(m);
            }
            colle = m.equals("«");
        }
        return mots;
    }

    /** La ligne qui propose l'indice suivant (le premier pas encore lu). */
    static String prochainIndice(String tp) {
        List<Indices.Indice> liste = Indices.de(tp);
        int lus = indicesLus(tp);
        if (liste.isEmpty()) {
            return "Pas d'indice pour ce TP.";
        }
        if (lus >= liste.size()) {
            return "Vous avez lu les " + liste.size() + " indices de ce TP"
                    + " (-Dindice=1 à " + liste.size() + " pour les relire).";
        }
        Indices.Indice i = liste.get(lus);
        return "Besoin d'aide ? Indice " + i.numero() + " sur " + liste.size()
                + " : ajoutez -Dindice=" + i.numero() + " (« "
                + i.titre().replaceFirst("^Indice \\d+[\\s\\u00a0]*:[\\s\\u00a0]*", "") + " »).";
    }

    static int indice(PrintStream out, String tp, String n) {
        List<Indices.Indice> liste = Indices.de(tp);
        int k;
        try {
            k = Integer.parseInt(n);
        } catch (NumberFormatException e) {
            k = -1;
        }
        if (k < 1 || k > liste.size()) {
            out.println("Indice inconnu : « " + n + " ». Le TP " + tp + " a "
                    + liste.size() + " indice(s) : -Dindice=1"
                    + (liste.size() > 1 ? " à " + liste.size() : "") + ".");
            return INCONNU;
        }
        Indices.Indice i = liste.get(k - 1);
        out.println();
        out.println("TP " + tp + " — " + i.titre() + " (sur " + liste.size() + ")");
        out.println();
        out.println(i.texte());
        noterLu(tp, k);
        return OK;
    }

    static int indicesLus(String tp) {
        try {
            return Integer.parseInt(Files.readString(NOTES.resolve(tp
                    + ".indices")).strip());
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private static void noterLu(String tp, int k) {
        if (k <= indicesLus(tp)) {
            return;
        }
        try {
            Files.createDirectories(NOTES);
            Files.writeString(NOTES.resolve(tp + ".indices"), k + "\n");
        } catch (IOException e) {
            // sans mémoire des indices lus, la boucle marche quand même
        }
    }

    /** Vrai si le squelette du TP est intact (empreintes du manifeste). */
    static boolean intact(String tp) {
        try {
            Map<String, String> attendu = new TreeMap<>();
            SquelettesTest.manifeste().forEach((f, h) -> {
                if (f.startsWith(tp + "/")) {
                    attendu.put(f, h);
                }
            });
            return !attendu.isEmpty()
                    && SquelettesTest.empreintes(tp).equals(attendu);
        } catch (Exception | AssertionError e) {
            return false;
        }
    }

    static int bilan(PrintStream out) {
        out.println();
        out.printf("%-12s %s%n", "TP", "état");
        out.println("-".repeat(40));
        int finis = 0;
        String suivant = null;
        for (String tp : Resultats.TPS) {
            String etat;
            if (intact(tp)) {
                etat = "pas commencé";
            } else {
                Resultats r = Resultats.executer(tp);
                int total = r.attentes().size();
                long ok = r.tenues();
                etat = total > 0 && ok == total ? "terminé (" + ok + "/" + total + ")"
                        : "en cours (" + ok + "/" + total + ")";
            }
            if (etat.startsWith("terminé")) {
                finis++;
            } else if (suivant == null) {
                suivant = tp;
            }
            out.printf("%-12s %s%n", tp, etat);
        }
        out.println("-".repeat(40));
        out.printf("%d TP terminé(s) sur %d.%n", finis, Resultats.TPS.size());
        if (suivant != null) {
            out.println("TP suivant : " + suivant + " (./mvnw -q -pl tp-exercises"
                    + " -am test-compile -Dtp=" + suivant + ").");
        } else {
            out.println("Tous les TP sont terminés. Bravo !");
        }
        return OK;
    }
}
