package fr.progsys.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import fr.progsys.CTwins;
import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.Snippets;

@DisplayName("T12 : annuler un thread par interruption, analogue de pthread_cancel")
class CancellationTest {

    private static final Duration SHORT = Duration.ofSeconds(5);

    /** « Reste bloqué » : vérifié sans interruption pendant ce temps. */
    private static final Duration STAYS = Duration.ofMillis(300);

    /** Des attentes interruptibles : elles répondent à interrupt(). */
    enum BlockingCall {
        SLEEP {
            @Override
            void block() throws InterruptedException {
                Thread.sleep(Long.MAX_VALUE);
            }
        },
        TAKE {
            @Override
            void block() throws InterruptedException {
                new LinkedBlockingQueue<String>().take();
            }
        },
        WAIT {
            @Override
            void block() throws InterruptedException {
                Object monitor = new Object();
                synchronized (monitor) {
                    monitor.wait();
                }
            }
        },
        JOIN {
            @Override
            void block() throws InterruptedException {
                Thread.currentThread().join();
            }
        },
        ACQUIRE {
            @Override
            void block() throws InterruptedException {
                new Semaphore(0).acquire();
            }
        };

        abstract void block() throws InterruptedException;
    }

    @Test
    @DisplayName("T12 : dormeuse et vérificatrice s'arrêtent, têtue tourne encore après interrupt")
    void exampleShowsWhoStops() {
        ChildJvm.Result run = Snippets.capture(Cancellation.class);
        assertThat(run.stderr()).as("sortie d'erreur de l'exemple").isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout().lines()).containsExactlyInAnyOrder(
                "dormeuse : interrompue pendant take()",
                "vérificatrice : interrompue, je m'arrête",
                "main : têtue tourne encore : true",
                "têtue : arrêtée par mon drapeau, pas par interrupt");
        assertThat(run.stdout()).endsWith("main : têtue tourne encore : true\n"
                + "têtue : arrêtée par mon drapeau, pas par interrupt\n");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(BlockingCall.class)
    @DisplayName("T12 : un thread bloqué dans sleep, take, wait ou join est réveillé aussitôt par InterruptedException")
    void blockedThreadStopsAtOnce(BlockingCall call) throws InterruptedException {
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                call.block();
            } catch (InterruptedException e) {
                ended.set(e);
            }
        });
        t.start();
        await().atMost(SHORT).until(() -> t.getState() == Thread.State.WAITING
                || t.getState() == Thread.State.TIMED_WAITING);
        t.interrupt();
        t.join(SHORT.toMillis());
        assertThat(t.isAlive()).isFalse();
        assertThat(ended.get()).isInstanceOf(InterruptedException.class);
    }

    @Test
    @DisplayName("T12 : une boucle qui ne vérifie jamais continue de tourner après interrupt")
    void busyLoopIgnoresTheInterrupt() throws InterruptedException {
        // tag::stubborn[]
        AtomicLong turns = new AtomicLong();
        AtomicBoolean mayRun = new AtomicBoolean(true);
        Thread stubborn = new Thread(() -> {
            while (mayRun.get()) {
                turns.incrementAndGet();
            }
        }, "têtue");
        stubborn.start();
        await().atMost(SHORT).until(() -> turns.get() > 0);
        stubborn.interrupt();
        long atInterrupt = turns.get();
        await().during(Duration.ofMillis(300)).atMost(SHORT)
                .until(stubborn::isAlive); // vivante pendant 300 ms
        assertThat(turns.get()).isGreaterThan(atInterrupt); // elle compte
        assertThat(stubborn.isInterrupted()).isTrue(); // demande en attente
        // end::stubborn[]
        mayRun.set(false);
        stubborn.join();
    }

    @Test
    @DisplayName("T12 : une boucle qui teste Thread.interrupted() (testcancel) sort"
            + " d'elle-même, et la lecture efface le drapeau")
    void checkingLoopStops() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        AtomicBoolean leftByItself = new AtomicBoolean();
        AtomicBoolean flagAfter = new AtomicBoolean(true);
        Thread checker = new Thread(() -> {
            running.countDown();
            while (!Thread.interrupted()) {
                Thread.onSpinWait();
            }
            leftByItself.set(true); // la routine continue : rien ne l'a tuée
            flagAfter.set(Thread.currentThread().isInterrupted());
        }, "vérificatrice");
        checker.start();
        running.await();
        await().during(STAYS).atMost(SHORT).until(checker::isAlive);
        checker.interrupt();
        checker.join(SHORT.toMillis());
        assertThat(checker.isAlive()).isFalse();
        assertThat(leftByItself).isTrue();
        assertThat(flagAfter).as("interrupted() a effacé le drapeau").isFalse();
    }

    @Test
    @DisplayName("T12, T15 : un thread bloqué dans ReentrantLock.lock() reste bloqué"
            + " après interrupt ; seul unlock le libère, drapeau toujours levé")
    void lockIgnoresInterrupt() throws InterruptedException {
        // tag::lock-ignores[]
        ReentrantLock lock = new ReentrantLock();
        AtomicBoolean flagWhenIn = new AtomicBoolean();
        Thread waiter = new Thread(() -> {
            lock.lock(); // comme pthread_mutex_lock : sourd à la demande
            try {
                flagWhenIn.set(Thread.currentThread().isInterrupted());
            } finally {
                lock.unlock();
            }
        }, "patiente");
        lock.lock();
        try {
            waiter.start();
            await().atMost(SHORT).until(() -> lock.hasQueuedThread(waiter));
            waiter.interrupt();
            await().during(STAYS).atMost(SHORT)
                    .until(() -> waiter.isAlive() && lock.hasQueuedThread(waiter));
        } finally {
            lock.unlock(); // c'est ceci, et non interrupt(), qui la libère
        }
        waiter.join(SHORT.toMillis());
        assertThat(waiter.isAlive()).isFalse();
        assertThat(flagWhenIn).as("demande toujours en attente").isTrue();
        // end::lock-ignores[]
    }

    @Test
    @DisplayName("T12, T14 : un thread bloqué à l'entrée de synchronized (BLOCKED)"
            + " reste bloqué après interrupt ; seule la sortie du moniteur le libère")
    void synchronizedEntryIgnoresInterrupt() throws InterruptedException {
        Object monitor = new Object();
        AtomicBoolean flagWhenIn = new AtomicBoolean();
        Thread waiter = new Thread(() -> {
            synchronized (monitor) {
                flagWhenIn.set(Thread.currentThread().isInterrupted());
            }
        }, "patiente");
        synchronized (monitor) {
            waiter.start();
            await().atMost(SHORT)
                    .until(() -> waiter.getState() == Thread.State.BLOCKED);
            waiter.interrupt();
            await().during(STAYS).atMost(SHORT)
                    .until(() -> waiter.getState() == Thread.State.BLOCKED);
        } // sortie du moniteur : la patiente peut entrer
        waiter.join(SHORT.toMillis());
        assertThat(waiter.isAlive()).isFalse();
        assertThat(flagWhenIn).as("demande toujours en attente").isTrue();
    }

    @Test
    @DisplayName("T12 : lockInterruptibly, lui, répond à interrupt par InterruptedException")
    void lockInterruptiblyAnswersInterrupt() throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                lock.lockInterruptibly();
                lock.unlock();
            } catch (InterruptedException e) {
                ended.set(e);
            }
        }, "patiente");
        lock.lock();
        try {
            waiter.start();
            await().atMost(SHORT).until(() -> lock.hasQueuedThread(waiter));
            waiter.interrupt();
            waiter.join(SHORT.toMillis()); // verrou toujours tenu par main
            assertThat(waiter.isAlive()).isFalse();
            assertThat(ended.get()).isInstanceOf(InterruptedException.class);
        } finally {
            lock.unlock();
        }
    }

    @Test
    @DisplayName("T12 : un thread de plateforme bloqué dans la lecture d'une socket"
            + " (java.io) reste bloqué après interrupt ; fermer la socket le libère")
    @SuppressWarnings("try") // peer existe sans servir ; client est fermé exprès
    void socketReadIgnoresInterrupt() throws Exception {
        // tag::socket-ignores[]
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(0, 1, loopback);
                Socket client = new Socket(loopback, server.getLocalPort());
                Socket peer = server.accept()) { // peer n'écrit jamais rien
            AtomicReference<Object> outcome = new AtomicReference<>();
            AtomicLong tid = new AtomicLong();
            InputStream in = client.getInputStream();
            Thread reader = new Thread(() -> {
                tid.set(ThreadsTestSupport.tid());
                try {
                    outcome.set(in.read()); // bloque : rien à lire
                } catch (IOException e) {
                    outcome.set(e);
                }
            }, "lectrice");
            reader.start();
            await().atMost(SHORT).until(() -> inSocketRead(reader, tid.get()));
            reader.interrupt();
            await().during(STAYS).atMost(SHORT).until(() -> outcome.get() == null
                    && inSocketRead(reader, tid.get()));
            client.close(); // c'est ceci qui la libère
            reader.join(SHORT.toMillis());
            assertThat(outcome.get()).isInstanceOf(SocketException.class);
            assertThat(reader.isInterrupted()).as("drapeau jamais consommé")
                    .isTrue();
        }
        // end::socket-ignores[]
    }

    @Test
    @DisplayName("T12 : en C, pthread_cancel agit dans sleep et read (PTHREAD_CANCELED,"
            + " nettoyage fait) mais pas dans pthread_mutex_lock, qui n'est pas"
            + " un point d'annulation")
    void pthreadCancelActsOnlyAtCancellationPoints(@TempDir Path dir)
            throws IOException {
        Path exe = CTwins.compile("threads/cancel_points.c", dir);
        try (ChildJvm twin = ChildJvm.start(List.of(exe.toString()))) {
            Matcher m = Pattern.compile("tid endormie (\\d+) lectrice (\\d+)"
                    + " verrouilleuse (\\d+)").matcher(twin.awaitLine("tid ", SHORT));
            assertThat(m.matches()).isTrue();
            long pid = twin.pid();
            long locker = Long.parseLong(m.group(3));
            // Les trois dorment dans le noyau : sleep, read, futex du verrou.
            await().atMost(SHORT).until(() -> List.of(m.group(1), m.group(2),
                    m.group(3)).stream().allMatch(
                            tid -> taskState(pid, Long.parseLong(tid)) == 'S'));
            twin.send("annule");
            twin.awaitLine("verrouilleuse (pthread_mutex_lock)", SHORT);
            assertThat(twin.stdout())
                    .contains("endormie (sleep) : PTHREAD_CANCELED")
                    .contains("lectrice (read) : PTHREAD_CANCELED");
            // La demande est déposée, mais verrouilleuse reste dans le verrou.
            await().during(STAYS).atMost(SHORT)
                    .until(() -> taskState(pid, locker) == 'S'
                            && !twin.stdout().contains("verrouilleuse : "));
            twin.send("libere");
            ChildJvm.Result run = twin.awaitExit(SHORT);
            Snippets.write("threads/cancel-points.txt",
                    "$ ./cancel_points\n" + run.console());
            assertThat(run.exitCode()).isZero();
            assertThat(run.stdout()).startsWith("glibc ")
                    .contains("verrouilleuse : PTHREAD_CANCELED,"
                            + " après avoir obtenu le verrou : oui")
                    .contains("gestionnaires de nettoyage exécutés : 3");
        }
    }

    /** L'état (R, S, D…) d'un thread d'un autre processus, lu dans /proc. */
    private static char taskState(long pid, long tid) {
        try {
            String stat = Files.readString(
                    Path.of("/proc/" + pid + "/task/" + tid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2);
        } catch (IOException e) {
            return '?'; // le thread n'existe plus
        }
    }

    /**
     * Le thread dort dans le noyau (état S dans /proc) avec, en haut de sa
     * pile Java, la lecture d'une socket.
     */
    private static boolean inSocketRead(Thread t, long tid) {
        if (tid == 0 || ThreadsTestSupport.kernelState(tid) != 'S') {
            return false;
        }
        return Arrays.stream(t.getStackTrace())
                .anyMatch(f -> f.getClassName().contains("Socket")
                        && f.getMethodName().contains("read"));
    }

    @Test
    @DisplayName("T12 : une demande faite avant l'attente interruptible n'est pas perdue : le premier sleep la lève, puis elle s'efface")
    void pendingInterruptFiresAtTheNextBlockingCall() {
        Thread.currentThread().interrupt(); // demande déposée d'avance
        boolean thrown = false;
        try {
            Thread.sleep(Long.MAX_VALUE); // la première attente interruptible
        } catch (InterruptedException e) {
            thrown = true;
        }
        assertThat(thrown).isTrue();
        assertThat(Thread.currentThread().isInterrupted())
                .as("l'exception a consommé la demande").isFalse();
    }
}
