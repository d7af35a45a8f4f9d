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

import fr.progsys.bench.Measurements;
import fr.progsys.testkit.ChildJvm;

/**
 * Allers-retours entre deux processus : le processus qui mesure lance l'autre
 * (une JVM neuve), puis (1) ping-pong de messages de {@value #SMALL} octets,
 * chaque aller-retour chronométré, et (2) débit : des messages de
 * {@value #LARGE} octets par fenêtres de {@value #WINDOW}, un accusé d'un octet
 * par fenêtre (sans lui, UDP jetterait des datagrammes quand le tampon du
 * récepteur déborde). Le jumeau C ({@code round_trip.c}) fait exactement la
 * même chose, avec {@code fork}.
 */
public final class RoundTrip {

    static final int SMALL = 64;
    static final int LARGE = 4096;
    static final int WINDOW = 8;

    /** Les transports, dans l'ordre du tableau. */
    public static final List<String> TRANSPORTS = List.of("unix", "tcp", "udp", "mq", "shm");

    private RoundTrip() {
    }

    /** Nombres d'échanges : chauffe et mesure, latence puis débit. */
    record Counts(int latencyWarmup, int latency, int throughputWarmup, int throughput) {

        /** Chauffe longue : sur une machine chargée, le JIT compile tard. */
        static Counts of(boolean quick) {
            return quick ? new Counts(2_000, 5_000, 800, 4_000)
                    : new Counts(100_000, 100_000, 40_000, 80_000);
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

    /**
     * Pour {@code Measurements} : chaque transport en Java puis en C, le tout
     * {@code passes} fois (Java et C alternent, pour que le bruit de la
     * machine tombe sur les deux) ; garde pour chaque nombre la médiane des
     * passages. Lignes CSV.
     */
    public static List<String> measure(Path c, boolean quick) {
        Counts counts = Counts.of(quick);
        int passes = quick ? 1 : 3;
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        for (int p = 0; p < passes; p++) {
            for (String t : TRANSPORTS) {
                List<String> args = new ArrayList<>(List.of("measure", t));
                args.addAll(counts.args());
                String java = Measurements.run(ChildJvm.measurementCommand(RoundTrip.class,
                        List.of(), args.toArray(String[]::new)), 180).get(0);
                List<String> cmd = new ArrayList<>(List.of(c.resolve("round_trip").toString(),
                        t));
                cmd.addAll(counts.args());
                String nativeOutput = Measurements.run(cmd, 180).get(0);
                results.computeIfAbsent(t + ",Java", k -> new ArrayList<>()).add(fields(java));
                results.computeIfAbsent(t + ",C", k -> new ArrayList<>())
                        .add(fields(nativeOutput));
                System.out.println("allers-retours " + t + " : Java " + java + ", C "
                        + nativeOutput);
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("transport,language,median_us,p99_us,throughput_mib_s");
        results.forEach((key, all) -> lines.add(String.format("%s,%.2f,%.2f,%.1f", key,
                median(all, 0) / 1e3, median(all, 1) / 1e3, median(all, 2))));
        return lines;
    }

    private static double[] fields(String output) {
        String[] f = output.split(";");
        return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]),
            Double.parseDouble(f[2])};
    }

    private static double median(List<double[]> all, int i) {
        double[] v = all.stream().mapToDouble(x -> x[i]).sorted().toArray();
        return v[v.length / 2];
    }

    /**
     * {@code measure <transport> <comptes…>} : prépare, lance l'autre processus,
     * mesure, affiche {@code médiane_ns;p99_ns;Mio/s}. {@code peer <transport>
     * <comptes…> <adresse…>} : l'autre processus, qui répond.
     */
    public static void main(String[] args) throws Exception {
        String transport = args[1];
        Counts counts = Counts.parse(args, 2);
        if (args[0].equals("peer")) {
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
        // La commande de ChildJvm, lancée par un ProcessBuilder nu : ChildJvm
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
