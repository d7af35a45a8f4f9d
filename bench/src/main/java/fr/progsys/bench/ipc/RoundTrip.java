package fr.progsys.bench.ipc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import fr.progsys.bench.Measurements;
import fr.progsys.bench.Progress;
import fr.progsys.bench.Stats;
import fr.progsys.testkit.ChildJvm;

/**
 * Allers-retours entre deux processus : le processus qui mesure lance l'autre
 * (une JVM neuve), puis (1) ping-pong de messages de {@value #SMALL} octets,
 * chaque aller-retour chronométré, et (2) débit : des messages de
 * {@value #LARGE} octets par fenêtres de {@value #WINDOW}, un accusé d'un octet
 * par fenêtre (sans lui, UDP jetterait des datagrammes quand le tampon du
 * récepteur déborde). Le jumeau C ({@code round_trip.c}) fait exactement la
 * même chose, avec {@code fork}.
 *
 * <p>Deux transports donnent le plancher, sans objet IPC : {@code spin} (un mot
 * partagé attendu activement, aucun appel système, {@link SpinWord}) et
 * {@code futex} (le même mot, attendu dans le noyau : le prix d'un réveil
 * seul ; en C seulement, le JDK n'offre pas futex(2)). Leur mot est le
 * message : ils ne mesurent que la latence, leur débit reste vide dans le CSV.
 */
public final class RoundTrip {

    static final int SMALL = 64;
    static final int LARGE = 4096;
    static final int WINDOW = 8;

    /** Les transports, dans l'ordre du tableau. */
    public static final List<String> TRANSPORTS = List.of("unix", "tcp", "udp", "mq", "shm",
            "spin", "futex");

    /** Sans côté Java. */
    static final Set<String> C_ONLY = Set.of("futex");

    /** Latence seulement : un mot partagé ne porte pas de fenêtre de messages. */
    static final Set<String> LATENCY_ONLY = Set.of("spin", "futex");

    /** Passages alternés (Java puis C) : assez, en mode complet, pour un intervalle. */
    static int passes(boolean quick) {
        return quick ? 2 : 5;
    }

    private RoundTrip() {
    }

    /** Nombres d'échanges : chauffe et mesure, latence puis débit. */
    record Counts(int latencyWarmup, int latency, int throughputWarmup, int throughput) {

        /** Chauffe longue : sur une machine chargée, le JIT compile tard. */
        static Counts of(boolean quick) {
            return quick ? new Counts(2_000, 5_000, 800, 4_000)
                    : new Counts(100_000, 100_000, 40_000, 80_000);
        }

        /** Sans débit (comptes à 0) pour un transport de {@link RoundTrip#LATENCY_ONLY}. */
        Counts forTransport(String transport) {
            return LATENCY_ONLY.contains(transport) ? new Counts(latencyWarmup, latency, 0, 0)
                    : this;
        }

        static Counts parse(String[] a, int i) {
            return new Counts(Integer.parseInt(a[i]), Integer.parseInt(a[i + 1]),
                    Integer.parseInt(a[i + 2]), Integer.parseInt(a[i + 3]));
        }

        List<String> args() {
            return List.of(Integer.toString(latencyWarmup), Integer.toString(latency),
                    Integer.toString(throughputWarmup), Integer.toString(throughput));
        }
    }

    /** Les deux CSV de la partie : une ligne par passage, et les rapports Java/C. */
    public record Results(List<String> passes, List<String> ratios) {
    }

    /**
     * Pour {@code Measurements} : chaque transport en Java puis en C, le tout
     * {@link #passes} fois (Java et C alternent, pour que le bruit de la
     * machine tombe sur les deux). Garde chaque passage ({@code ipc.csv}) et,
     * par transport et par nombre, le rapport Java/C de chaque passage, sa
     * moyenne et son intervalle de confiance à 95 % ({@code ipc-ratios.csv}).
     */
    public static Results measure(Path c, boolean quick, Progress progress) {
        Counts counts = Counts.of(quick);
        int passes = passes(quick);
        int perPass = 0;
        for (String t : TRANSPORTS) {
            perPass += C_ONLY.contains(t) ? 1 : 2;
        }
        progress.plan(passes * perPass);
        // transport -> langage -> un tableau {médiane_ns, p99_ns, Mio/s} par passage
        Map<String, Map<String, List<double[]>>> results = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        lines.add("transport,language,pass,median_us,p99_us,throughput_mib_s");
        for (int p = 1; p <= passes; p++) {
            for (String t : TRANSPORTS) {
                List<String> args = new ArrayList<>(List.of(t));
                args.addAll(counts.forTransport(t).args());
                Map<String, List<double[]>> byLanguage = results.computeIfAbsent(t,
                        k -> new LinkedHashMap<>());
                for (String language : List.of("Java", "C")) {
                    if (language.equals("Java") && C_ONLY.contains(t)) {
                        continue;
                    }
                    progress.next(t + " " + language + ", passage " + p + "/" + passes);
                    List<String> command = new ArrayList<>();
                    if (language.equals("Java")) {
                        command.addAll(ChildJvm.measurementCommand(RoundTrip.class, List.of()));
                        command.add("measure");
                    } else {
                        command.add(c.resolve("round_trip").toString());
                    }
                    command.addAll(args);
                    double[] f = fields(Measurements.run(command, 180).get(0));
                    byLanguage.computeIfAbsent(language, k -> new ArrayList<>()).add(f);
                    lines.add(String.format("%s,%s,%d,%.2f,%.2f,%s", t, language, p,
                            f[0] / 1e3, f[1] / 1e3,
                            Double.isNaN(f[2]) ? "" : String.format("%.1f", f[2])));
                }
            }
        }
        return new Results(lines, ratios(results));
    }

    /** Les nombres comparés, dans l'ordre des champs de sortie d'une mesure. */
    private static final List<String> METRICS = List.of("median_us", "p99_us",
            "throughput_mib_s");

    /**
     * Par transport mesuré dans les deux langages et par nombre : le rapport
     * Java/C de chaque passage (Java_i / C_i, deux mesures voisines dans le
     * temps), puis sa moyenne et son intervalle de confiance à 95 %.
     */
    static List<String> ratios(Map<String, Map<String, List<double[]>>> results) {
        List<String> lines = new ArrayList<>();
        lines.add("transport,metric,n,mean,ci_low,ci_high");
        results.forEach((t, byLanguage) -> {
            List<double[]> java = byLanguage.get("Java");
            List<double[]> c = byLanguage.get("C");
            if (java == null || c == null) {
                return; // futex : pas de côté Java
            }
            for (int m = 0; m < METRICS.size(); m++) {
                double[] r = new double[java.size()];
                for (int i = 0; i < r.length; i++) {
                    r[i] = java.get(i)[m] / c.get(i)[m];
                }
                if (Double.isNaN(r[0]) || r.length < 2) {
                    continue; // débit non mesuré (spin)
                }
                Stats.Interval ci = Stats.meanWithInterval95(r);
                lines.add(String.format("%s,%s,%d,%.3f,%.3f,%.3f", t, METRICS.get(m), ci.n(),
                        ci.mean(), ci.low(), ci.high()));
            }
        });
        return lines;
    }

    /** {@code médiane_ns;p99_ns;Mio/s}, Mio/s vide (NaN ici) quand le débit n'est pas mesuré. */
    private static double[] fields(String output) {
        String[] f = output.split(";", -1);
        return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]),
            f[2].isEmpty() ? Double.NaN : Double.parseDouble(f[2])};
    }

    /**
     * {@code measure <transport> <comptes…>} : prépare, lance l'autre processus,
     * mesure, affiche {@code médiane_ns;p99_ns;Mio/s}. {@code peer <transport>
     * <comptes…> <adresse…>} : l'autre processus, qui répond.
     */
    public static void main(String[] args) throws Exception {
        String transport = args[1];
        Counts counts = Counts.parse(args, 2);
        if (args[0].equals("peer")) {
            // Si le processus qui mesure meurt, partir aussi : sans cela un
            // spin tournerait sans fin (le jumeau C : PR_SET_PDEATHSIG).
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit()
                    .thenRun(() -> Runtime.getRuntime().halt(1)));
            List<String> address = Arrays.asList(args).subList(6, args.length);
            try (Link link = Transports.join(transport, address)) {
                reply(link, counts);
            }
            return;
        }
        Endpoint here = Transports.prepare(transport);
        List<String> peerArgs = new ArrayList<>(List.of("peer", transport));
        peerArgs.addAll(counts.args());
        peerArgs.addAll(here.address());
        // La commande de ChildJvm, lancée par un ProcessBuilder nu : ChildJvm
        // lirait les sorties de l'autre processus dans deux threads de plus,
        // ici, dans le processus qui mesure.
        Process peer = new ProcessBuilder(ChildJvm.measurementCommand(RoundTrip.class,
                List.of(), peerArgs.toArray(String[]::new)))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (Link link = here.accept()) {
            System.out.println(measureOn(link, counts));
            if (!peer.waitFor(30, TimeUnit.SECONDS) || peer.exitValue() != 0) {
                throw new IllegalStateException("l'autre processus a échoué");
            }
        } finally {
            peer.destroyForcibly();
        }
    }

    static String measureOn(Link link, Counts n) throws IOException {
        ByteBuffer m = ByteBuffer.allocateDirect(LARGE);
        for (int i = 0; i < n.latencyWarmup(); i++) {
            pingPong(link, m);
        }
        long[] durations = new long[n.latency()];
        for (int i = 0; i < durations.length; i++) {
            long t0 = System.nanoTime();
            pingPong(link, m);
            durations[i] = System.nanoTime() - t0;
        }
        Arrays.sort(durations);
        long median = durations[durations.length / 2];
        long p99 = durations[(int) (durations.length * 0.99)];
        if (n.throughput() == 0) {
            return median + ";" + p99 + ";"; // débit non mesuré
        }
        ByteBuffer ack = ByteBuffer.allocateDirect(1);
        sendInBursts(link, m, ack, n.throughputWarmup());
        long t0 = System.nanoTime();
        sendInBursts(link, m, ack, n.throughput());
        double seconds = (System.nanoTime() - t0) / 1e9;
        double mib = (double) n.throughput() * LARGE / (1024 * 1024);
        return median + ";" + p99 + ";" + String.format("%.1f", mib / seconds);
    }

    private static void pingPong(Link link, ByteBuffer m) throws IOException {
        m.clear().limit(SMALL);
        link.send(m);
        m.clear().limit(SMALL);
        link.receive(m);
    }

    private static void sendInBursts(Link link, ByteBuffer m, ByteBuffer ack,
            int messages) throws IOException {
        for (int i = 0; i < messages; i += WINDOW) {
            for (int k = 0; k < WINDOW; k++) {
                m.clear();
                link.send(m);
            }
            ack.clear();
            link.receive(ack);
        }
    }

    static void reply(Link link, Counts n) throws IOException {
        ByteBuffer m = ByteBuffer.allocateDirect(LARGE);
        for (int i = 0; i < n.latencyWarmup() + n.latency(); i++) {
            m.clear().limit(SMALL);
            link.receive(m);
            m.flip();
            link.send(m);
        }
        ByteBuffer ack = ByteBuffer.allocateDirect(1);
        for (int i = 0; i < n.throughputWarmup() + n.throughput(); i += WINDOW) {
            for (int k = 0; k < WINDOW; k++) {
                m.clear();
                link.receive(m);
            }
            ack.clear();
            link.send(ack);
        }
    }
}
