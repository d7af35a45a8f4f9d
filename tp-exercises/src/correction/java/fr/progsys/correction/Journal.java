package fr.progsys.correction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Le journal qu'écrit le {@link Lanceur} et que relit le correcteur : une
 * ligne par événement, champs séparés par des tabulations (tabulation, saut
 * de ligne et barre oblique inverse échappés).
 */
final class Journal {

    static final String PLAN = "PLAN";
    static final String DYNAMIQUE = "DYNAMIQUE";
    static final String DEBUT = "DEBUT";
    static final String SAUTE = "SAUTE";
    static final String FIN = "FIN";
    static final String TERMINE = "TERMINE";

    private Journal() {
    }

    static String ligne(String... champs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < champs.length; i++) {
            if (i > 0) {
                b.append('\t');
            }
            for (char c : champs[i].toCharArray()) {
                switch (c) {
                    case '\\' -> b.append("\\\\");
                    case '\t' -> b.append("\\t");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    default -> b.append(c);
                }
            }
        }
        return b.toString();
    }

    static String[] champs(String ligne) {
        List<String> champs = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < ligne.length(); i++) {
            char c = ligne.charAt(i);
            if (c == '\t') {
                champs.add(b.toString());
                b.setLength(0);
            } else if (c == '\\' && i + 1 < ligne.length()) {
                char d = ligne.charAt(++i);
                b.append(switch (d) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> d;
                });
            } else {
                b.append(c);
            }
        }
        champs.add(b.toString());
        return champs.toArray(String[]::new);
    }

    /** Un test tel que le journal le raconte. */
    static final class Test {
        final String id;
        String nom = "";
        String classe = "";
        String methode = "";
        String statut; // pass, fail, error ; null tant qu'il n'est pas fini
        String message = "";
        long ms;

        Test(String id) {
            this.id = id;
        }
    }

    /** Ce que le journal dit d'une exécution, même interrompue. */
    record Lecture(long prevus, List<Test> tests, boolean termine) {
    }

    static Lecture lire(Path fichier) throws IOException {
        Map<String, Test> tests = new LinkedHashMap<>();
        long prevus = 0;
        boolean termine = false;
        if (!Files.exists(fichier)) {
            return new Lecture(0, List.of(), false);
        }
        for (String l : Files.readAllLines(fichier, StandardCharsets.UTF_8)) {
            String[] f = champs(l);
            switch (f[0]) {
                case PLAN -> prevus += f.length > 1 ? parse(f[1]) : 0;
                case DYNAMIQUE -> prevus++;
                case DEBUT, SAUTE -> {
                    if (f.length >= 5) {
                        Test t = tests.computeIfAbsent(f[1], Test::new);
                        t.nom = f[2];
                        t.classe = f[3];
                        t.methode = f[4];
                        if (f[0].equals(SAUTE)) {
                            t.statut = "fail";
                            t.message = "test sauté : "
                                    + (f.length > 5 ? f[5] : "");
                        }
                    }
                }
                case FIN -> {
                    if (f.length >= 4) {
                        Test t = tests.computeIfAbsent(f[1], Test::new);
                        t.statut = f[2];
                        t.ms = parse(f[3]);
                        t.message = f.length > 4 ? f[4] : "";
                    }
                }
                case TERMINE -> termine = true;
                default -> {
                    // ligne tronquée par un arrêt brutal : ignorée
                }
            }
        }
        return new Lecture(prevus, new ArrayList<>(tests.values()), termine);
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
