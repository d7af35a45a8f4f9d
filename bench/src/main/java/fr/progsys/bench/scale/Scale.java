package fr.progsys.bench.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import fr.progsys.bench.Measurements;
import fr.progsys.bench.Progress;
import fr.progsys.testkit.ChildJvm;

/**
 * La leçon de TCP à l'échelle : les {@link EchoServers} sous N clients
 * simultanés ({@link ClientLoad}), chacun dans sa JVM. Les deux JVM sont
 * lancées par un shell qui monte d'abord la limite douce de descripteurs
 * (RLIMIT_NOFILE) jusqu'à la limite dure : chaque connexion coûte un
 * descripteur au client et un au serveur.
 */
public final class Scale {

    /** Les serveurs mesurés : les threads virtuels seulement sur un JDK 21 ou plus. */
    static final List<String> SERVERS = EchoServers.hasVirtualThreads()
            ? List.of("threads", "pool", "selector", "virtual")
            : List.of("threads", "pool", "selector");
    static final List<String> JVM = List.of("-Xms64m", "-Xmx512m");

    private Scale() {
    }

    /** Lignes CSV : serveur, clients, débit, latences, threads, mémoire. */
    public static List<String> measure(boolean quick, Progress progress)
            throws IOException, InterruptedException {
        long limit = hardFileLimit();
        List<Integer> sizes = new ArrayList<>(quick ? List.of(50, 200) : List.of(100, 1000));
        int largest = (int) Math.min(10_000, (limit - 200) / 500 * 500);
        if (!quick && largest > 1000) {
            sizes.add(largest);
        }
        List<String> lines = new ArrayList<>();
        lines.add("server,clients,round_trips_s,median_ms,p99_ms,threads,rss_mib,complete");
        progress.plan(sizes.size() * SERVERS.size());
        for (int n : sizes) {
            int r = quick ? 5 : Math.max(10, 50_000 / n);
            for (String server : SERVERS) {
                progress.next(server + ", " + n + " clients");
                lines.add(server + "," + n + "," + measureOne(server, n, r).replace(';', ','));
            }
        }
        return lines;
    }

    static String measureOne(String server, int n, int r)
            throws IOException, InterruptedException {
        try (ChildJvm child = ChildJvm.start(underLimit(
                ChildJvm.measurementCommand(EchoServers.class, JVM, server)))) {
            try {
                String port = child.awaitLine(line -> true, Duration.ofSeconds(60));
                return Measurements.run(underLimit(ChildJvm.measurementCommand(
                        ClientLoad.class, JVM, port, Long.toString(child.pid()),
                        Integer.toString(n), Integer.toString(r))), 150).get(0);
            } finally {
                // Fin de l'entrée standard : le serveur s'arrête seul ; close()
                // le tue s'il n'a pas fini à temps.
                child.closeStdin();
                child.process().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** {@code sh -c 'ulimit -n <dure>; exec java …'} : exec garde le même PID. */
    private static List<String> underLimit(List<String> command) {
        List<String> cmd = new ArrayList<>(List.of("sh", "-c",
                "ulimit -n \"$(ulimit -Hn)\" 2>/dev/null; exec \"$@\"", "sh"));
        cmd.addAll(command);
        return cmd;
    }

    /** La limite dure de descripteurs, lue dans /proc/self/limits. */
    static long hardFileLimit() throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (l.startsWith("Max open files")) {
                String hard = l.trim().split("\\s+")[4];
                return hard.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(hard);
            }
        }
        return 1024;
    }
}
