package fr.progsys.threads;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import fr.progsys.Example;
import fr.progsys.posix.UnnamedSemaphore;
import fr.progsys.posix.Unistd;

/**
 * Les threads virtuels (JDK 21+) vus du noyau : un thread virtuel n'a pas de
 * TID à lui, il emprunte celui de son porteur (un thread de plateforme d'un
 * ForkJoinPool). Chaque scène tourne dans une JVM neuve, lancée avec le
 * nombre de porteurs voulu ({@code -Djdk.virtualThreadScheduler.parallelism}
 * et {@code maxPoolSize}), pour que ce qu'elle montre ne dépende pas du
 * hasard de l'ordonnancement.
 */
@Example(name = "threads.virtuels", slides = {"T02", "T03"},
        value = "Threads virtuels : porteurs, TID empruntés, épinglage (JDK 21+)")
public final class VirtualThreads {

    private VirtualThreads() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("JDK " + Runtime.version() + ", PID "
                + ProcessHandle.current().pid());
        scene(OneCarrier.class, 1, "1. Un seul porteur, deux threads virtuels");
        scene(CarrierChange.class, 2,
                "2. Deux porteurs : un thread virtuel change de porteur");
        scene(Pinning.class, 1, "3. Un seul porteur : ce qui l'épingle");
    }

    /** Lance {@code main} dans une JVM neuve qui n'a que {@code carriers} porteurs. */
    private static void scene(Class<?> main, int carriers, String title)
            throws IOException, InterruptedException {
        System.out.println();
        System.out.println("== " + title + " (porteurs : " + carriers + ")");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--enable-native-access")
                    || a.startsWith("--sun-misc-unsafe-memory-access")) {
                cmd.add(a);
            }
        }
        // tag::flags[]
        cmd.add("-Djdk.virtualThreadScheduler.parallelism=" + carriers);
        cmd.add("-Djdk.virtualThreadScheduler.maxPoolSize=" + carriers);
        // end::flags[]
        cmd.addAll(List.of("-Dstdout.encoding=UTF-8", "-cp",
                System.getProperty("java.class.path"), main.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        System.out.print(out);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("la scène " + main.getSimpleName()
                    + " a échoué");
        }
    }

    /** Qui je suis, vu de Java et vu du noyau. */
    static void report(String what) {
        Thread me = Thread.currentThread();
        System.out.printf("%-10s %-22s TID %d%s%n", me.getName(), what,
                Unistd.gettid(), me.isVirtual() ? " (virtuel)" : "");
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Scène 1 : deux threads virtuels vivants en même temps, un seul TID. */
    static final class OneCarrier {
        public static void main(String[] args) throws Exception {
            report("(plateforme)");
            // tag::one-carrier[]
            CountDownLatch aWaits = new CountDownLatch(1);
            CountDownLatch bRan = new CountDownLatch(1);
            Thread a = Thread.ofVirtual().name("virtuel-A").start(() -> {
                report("démarre");
                aWaits.countDown();
                await(bRan); // bloque : A quitte le porteur
                report("reprend");
            });
            await(aWaits);
            Thread b = Thread.ofVirtual().name("virtuel-B").start(() -> {
                report("démarre"); // sur le porteur que A a laissé
                bRan.countDown();
            });
            // end::one-carrier[]
            a.join();
            b.join();
        }
    }

    /** Scène 2 : le même thread virtuel, un TID avant de bloquer, un autre après. */
    static final class CarrierChange {
        static volatile boolean stopFirst;
        static volatile boolean stopSecond;

        public static void main(String[] args) throws Exception {
            // tag::carrier-change[]
            CountDownLatch parked = new CountDownLatch(1);
            CountDownLatch resume = new CountDownLatch(1);
            long[] before = new long[1];
            Thread v = Thread.ofVirtual().name("virtuel-V").start(() -> {
                report("avant de bloquer");
                before[0] = Unistd.gettid();
                parked.countDown();
                await(resume); // bloque : V quitte son porteur
                report("après"); // sur l'autre porteur
            });
            await(parked);
            // Deux threads virtuels qui tournent sans jamais bloquer
            // occupent les deux porteurs ; on note le TID de chacun.
            long[] busy = new long[2];
            CountDownLatch up = new CountDownLatch(2);
            Thread s1 = spinner(0, busy, up, () -> stopFirst);
            Thread s2 = spinner(1, busy, up, () -> stopSecond);
            await(up);
            resume.countDown(); // V est prêt, mais aucun porteur n'est libre
            // On libère le porteur que V n'avait PAS : V ne peut reprendre
            // que là.
            if (busy[0] != before[0]) {
                stopFirst = true;
            } else {
                stopSecond = true;
            }
            // end::carrier-change[]
            v.join();
            stopFirst = true;
            stopSecond = true;
            s1.join();
            s2.join();
        }

        static Thread spinner(int i, long[] busy, CountDownLatch up,
                BooleanSupplier stop) {
            return Thread.ofVirtual().name("occupe-" + (i + 1)).start(() -> {
                report("occupe un porteur");
                busy[i] = Unistd.gettid(); // plus rien ne bloque ensuite
                up.countDown();
                while (!stop.getAsBoolean()) {
                    Thread.onSpinWait(); // ne bloque jamais : garde le porteur
                }
            });
        }
    }

    /** Scène 3 : un appel natif bloquant épingle le seul porteur. */
    static final class Pinning {
        public static void main(String[] args) throws Exception {
            try (UnnamedSemaphore sem = new UnnamedSemaphore(0)) {
                blockThenTry("sem_wait (natif, jnr)", () -> sem.await(),
                        sem::post);
            }
            Semaphore javaSem = new Semaphore(0);
            blockThenTry("Semaphore.acquire (Java)",
                    javaSem::acquireUninterruptibly, javaSem::release);
            Object monitor = new Object();
            Semaphore inside = new Semaphore(0);
            blockThenTry("acquire dans synchronized", () -> {
                synchronized (monitor) {
                    inside.acquireUninterruptibly();
                }
            }, inside::release);
        }

        // tag::pinning[]
        /** A bloque par {@code block} ; B peut-il tourner pendant ce temps ? */
        static void blockThenTry(String how, Runnable block, Runnable unblock)
                throws InterruptedException {
            CountDownLatch aBlocks = new CountDownLatch(1);
            CountDownLatch bRan = new CountDownLatch(1);
            Thread a = Thread.ofVirtual().name("virtuel-A").start(() -> {
                aBlocks.countDown();
                block.run();
            });
            await(aBlocks);
            Thread b = Thread.ofVirtual().name("virtuel-B")
                    .start(bRan::countDown);
            boolean ran = bRan.await(2, TimeUnit.SECONDS);
            System.out.printf("A bloqué dans %-26s B a tourné : %s%n", how,
                    ran ? "oui" : "non (porteur épinglé)");
            unblock.run();
            a.join();
            b.join();
        }
        // end::pinning[]
    }
}
