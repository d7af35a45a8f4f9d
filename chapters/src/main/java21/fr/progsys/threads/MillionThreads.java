package fr.progsys.threads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import fr.progsys.Example;

/**
 * Un million de threads virtuels endormis en même temps, contre les limites
 * du noyau pour les threads de plateforme (un thread noyau chacun). On lit
 * ces limites, puis on mesure, pour N threads de chaque sorte qui attendent
 * tous ensemble, la mémoire résidente (RSS) du processus et le nombre de
 * threads noyau qu'il compte.
 *
 * <p>Arguments : nombre de threads virtuels (1 000 000 par défaut), nombre
 * de threads de plateforme (10 000 par défaut ; on ne pousse pas jusqu'à la
 * limite sur une machine partagée).
 */
@Example(name = "threads.virtuels.million", slides = {"T03"},
        value = "Un million de threads virtuels endormis ; RSS et limites (JDK 21+)")
public final class MillionThreads {

    private MillionThreads() {
    }

    public static void main(String[] args) throws Exception {
        int virtual = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int platform = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        System.out.println("Limites du noyau (un thread de plateforme est un"
                + " thread noyau) :");
        System.out.println("  /proc/sys/kernel/threads-max : "
                + read("/proc/sys/kernel/threads-max"));
        System.out.println("  /proc/sys/kernel/pid_max     : "
                + read("/proc/sys/kernel/pid_max"));
        System.out.println("  RLIMIT_NPROC (ulimit -u)     : " + nproc());
        System.out.println("  cgroup pids.max              : " + pidsMax());
        System.out.println("Au départ : " + status());
        int baseline = kernelThreads();
        measure("threads de plateforme", platform, Thread.ofPlatform());
        // join() rend la main dès que le thread Java est fini ; son thread
        // noyau finit de se défaire un peu après. On attend qu'ils aient
        // disparu de /proc/self/status avant de compter pour les virtuels.
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (kernelThreads() > baseline + 64
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        measure("threads virtuels", virtual, Thread.ofVirtual());
    }

    /** Nombre de threads noyau du processus (ligne Threads: de status). */
    static int kernelThreads() {
        for (String line : read("/proc/self/status").split("\n")) {
            if (line.startsWith("Threads:")) {
                return Integer.parseInt(
                        line.substring("Threads:".length()).trim());
            }
        }
        return -1;
    }

    // tag::measure[]
    static void measure(String kind, int n, Thread.Builder builder)
            throws InterruptedException {
        CountDownLatch started = new CountDownLatch(n);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>(n);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            threads.add(builder.start(() -> {
                started.countDown();
                try {
                    release.await(); // tous endormis en même temps
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        started.await();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println(fr(n) + " " + kind + " : " + fr(ms)
                + " ms, " + status());
        release.countDown();
        for (Thread t : threads) {
            t.join();
        }
    }
    // end::measure[]

    /** RSS et nombre de threads noyau du processus (/proc/self/status). */
    static String status() {
        String rss = "?";
        for (String line : read("/proc/self/status").split("\n")) {
            if (line.startsWith("VmRSS:")) {
                long kib = Long.parseLong(line.replaceAll("\\D", ""));
                rss = fr(kib / 1024) + " Mio";
            }
        }
        return "RSS " + rss + ", " + fr(kernelThreads()) + " threads noyau";
    }

    /** 1 000 000, avec des espaces insécables. */
    static String fr(long n) {
        return String.format(Locale.FRANCE, "%,d", n)
                .replace('\u202f', '\u00a0');
    }

    private static String nproc() {
        for (String line : read("/proc/self/limits").split("\n")) {
            if (line.startsWith("Max processes")) {
                String[] f = line.substring("Max processes".length()).trim()
                        .split("\\s+");
                return f[0] + " (souple), " + f[1] + " (dure)";
            }
        }
        return "?";
    }

    private static String pidsMax() {
        for (String line : read("/proc/self/cgroup").split("\n")) {
            String[] f = line.split(":", 3); // id:contrôleurs:chemin
            Path dir = null;
            if (f.length == 3 && f[1].equals("pids")) { // cgroup v1
                dir = Path.of("/sys/fs/cgroup/pids", f[2]);
            } else if (f.length == 3 && f[0].equals("0") && f[1].isEmpty()) {
                dir = Path.of("/sys/fs/cgroup", f[2]); // cgroup v2
            }
            if (dir != null && Files.isReadable(dir.resolve("pids.max"))) {
                return read(dir.resolve("pids.max").toString());
            }
        }
        return "(aucune limite pids.max trouvée)";
    }

    private static String read(String file) {
        try {
            // readAllLines lit jusqu'à la fin : certains fichiers de /proc
            // annoncent une taille nulle.
            return String.join("\n", Files.readAllLines(Path.of(file))).strip();
        } catch (IOException e) {
            return "(illisible : " + e.getMessage() + ")";
        }
    }
}
