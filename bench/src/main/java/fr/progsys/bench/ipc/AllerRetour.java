package fr.progsys.bench.ipc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import fr.progsys.bench.Processus;

/**
 * Allers-retours entre deux processus : le processus qui mesure lance l'autre
 * (une JVM neuve), puis (1) ping-pong de messages de {@value #PETIT} octets,
 * chaque aller-retour chronométré, et (2) débit : des messages de
 * {@value #GROS} octets par fenêtres de {@value #FENETRE}, un accusé d'un octet
 * par fenêtre (sans lui, UDP jetterait des datagrammes quand le tampon du
 * récepteur déborde). Le jumeau C ({@code allerretour.c}) fait exactement la
 * même chose, avec {@code fork}.
 */
public final class AllerRetour {

    static final int PETIT = 64;
    static final int GROS = 4096;
    static final int FENETRE = 8;

    /** Les transports, dans l'ordre du tableau. */
    public static final List<String> TRANSPORTS = List.of("unix", "tcp", "udp", "mq", "shm");

    private AllerRetour() {
    }

    /** Nombres d'échanges : chauffe et mesure, latence puis débit. */
    record Comptes(int chauffeLatence, int latence, int chauffeDebit, int debit) {

        /** Chauffe longue : sur une machine chargée, le JIT compile tard. */
        static Comptes de(boolean rapide) {
            return rapide ? new Comptes(2_000, 5_000, 800, 4_000)
                    : new Comptes(100_000, 100_000, 40_000, 80_000);
        }

        static Comptes lire(String[] a, int i) {
            return new Comptes(Integer.parseInt(a[i]), Integer.parseInt(a[i + 1]),
                    Integer.parseInt(a[i + 2]), Integer.parseInt(a[i + 3]));
        }

        List<String> args() {
            return List.of(Integer.toString(chauffeLatence), Integer.toString(latence),
                    Integer.toString(chauffeDebit), Integer.toString(debit));
        }
    }

    /**
     * Pour {@code Mesures} : chaque transport en Java puis en C, le tout
     * {@code passages} fois (Java et C alternent, pour que le bruit de la
     * machine tombe sur les deux) ; garde pour chaque nombre la médiane des
     * passages. Lignes CSV.
     */
    public static List<String> mesurer(Path c, boolean rapide) {
        Comptes comptes = Comptes.de(rapide);
        int passages = rapide ? 1 : 3;
        Map<String, List<double[]>> mesures = new LinkedHashMap<>();
        for (int p = 0; p < passages; p++) {
            for (String t : TRANSPORTS) {
                List<String> args = new ArrayList<>(List.of("mesure", t));
                args.addAll(comptes.args());
                String java = Processus.executer(Processus.java(List.of(), AllerRetour.class,
                        args.toArray(String[]::new)), 180).get(0);
                List<String> cmd = new ArrayList<>(List.of(c.resolve("allerretour").toString(),
                        t));
                cmd.addAll(comptes.args());
                String natif = Processus.executer(cmd, 180).get(0);
                mesures.computeIfAbsent(t + ",Java", k -> new ArrayList<>()).add(champs(java));
                mesures.computeIfAbsent(t + ",C", k -> new ArrayList<>()).add(champs(natif));
                System.out.println("allers-retours " + t + " : Java " + java + ", C " + natif);
            }
        }
        List<String> lignes = new ArrayList<>();
        lignes.add("transport,langage,mediane_us,p99_us,debit_mio_s");
        mesures.forEach((cle, passes) -> lignes.add(String.format("%s,%.2f,%.2f,%.1f", cle,
                mediane(passes, 0) / 1e3, mediane(passes, 1) / 1e3, mediane(passes, 2))));
        return lignes;
    }

    private static double[] champs(String sortie) {
        String[] f = sortie.split(";");
        return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]),
            Double.parseDouble(f[2])};
    }

    private static double mediane(List<double[]> passes, int i) {
        double[] v = passes.stream().mapToDouble(x -> x[i]).sorted().toArray();
        return v[v.length / 2];
    }

    /**
     * {@code mesure <transport> <comptes…>} : prépare, lance l'autre processus,
     * mesure, affiche {@code médiane_ns;p99_ns;Mio/s}. {@code pair <transport>
     * <comptes…> <adresse…>} : l'autre processus, qui répond.
     */
    public static void main(String[] args) throws Exception {
        String transport = args[1];
        Comptes comptes = Comptes.lire(args, 2);
        if (args[0].equals("pair")) {
            List<String> adresse = Arrays.asList(args).subList(6, args.length);
            try (Canal canal = Transports.rejoindre(transport, adresse)) {
                repondre(canal, comptes);
            }
            return;
        }
        Extremite ici = Transports.preparer(transport);
        List<String> args2 = new ArrayList<>(List.of("pair", transport));
        args2.addAll(comptes.args());
        args2.addAll(ici.adresse());
        Process pair = new ProcessBuilder(Processus.java(List.of(), AllerRetour.class,
                args2.toArray(String[]::new)))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (Canal canal = ici.accepter()) {
            System.out.println(mesurerSur(canal, comptes));
            if (!pair.waitFor(30, TimeUnit.SECONDS) || pair.exitValue() != 0) {
                throw new IllegalStateException("l'autre processus a échoué");
            }
        } finally {
            pair.destroyForcibly();
        }
    }

    static String mesurerSur(Canal canal, Comptes n) throws IOException {
        ByteBuffer m = ByteBuffer.allocateDirect(GROS);
        for (int i = 0; i < n.chauffeLatence(); i++) {
            pingPong(canal, m);
        }
        long[] durees = new long[n.latence()];
        for (int i = 0; i < durees.length; i++) {
            long t0 = System.nanoTime();
            pingPong(canal, m);
            durees[i] = System.nanoTime() - t0;
        }
        Arrays.sort(durees);
        long mediane = durees[durees.length / 2];
        long p99 = durees[(int) (durees.length * 0.99)];
        ByteBuffer accuse = ByteBuffer.allocateDirect(1);
        envoyerEnRafales(canal, m, accuse, n.chauffeDebit());
        long t0 = System.nanoTime();
        envoyerEnRafales(canal, m, accuse, n.debit());
        double secondes = (System.nanoTime() - t0) / 1e9;
        double mio = (double) n.debit() * GROS / (1024 * 1024);
        return mediane + ";" + p99 + ";" + String.format("%.1f", mio / secondes);
    }

    private static void pingPong(Canal canal, ByteBuffer m) throws IOException {
        m.clear().limit(PETIT);
        canal.envoyer(m);
        m.clear().limit(PETIT);
        canal.recevoir(m);
    }

    private static void envoyerEnRafales(Canal canal, ByteBuffer m, ByteBuffer accuse,
            int messages) throws IOException {
        for (int i = 0; i < messages; i += FENETRE) {
            for (int k = 0; k < FENETRE; k++) {
                m.clear();
                canal.envoyer(m);
            }
            accuse.clear();
            canal.recevoir(accuse);
        }
    }

    static void repondre(Canal canal, Comptes n) throws IOException {
        ByteBuffer m = ByteBuffer.allocateDirect(GROS);
        for (int i = 0; i < n.chauffeLatence() + n.latence(); i++) {
            m.clear().limit(PETIT);
            canal.recevoir(m);
            m.flip();
            canal.envoyer(m);
        }
        ByteBuffer accuse = ByteBuffer.allocateDirect(1);
        for (int i = 0; i < n.chauffeDebit() + n.debit(); i += FENETRE) {
            for (int k = 0; k < FENETRE; k++) {
                m.clear();
                canal.recevoir(m);
            }
            accuse.clear();
            canal.envoyer(accuse);
        }
    }
}
