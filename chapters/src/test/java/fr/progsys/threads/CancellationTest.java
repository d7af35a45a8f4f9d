package fr.progsys.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import fr.progsys.testkit.ChildJvm;

@DisplayName("T12 : annuler un thread par interruption")
class CancellationTest {

    private static final Duration SHORT = Duration.ofSeconds(5);

    /** Des appels bloquants qui sont des points d'annulation. */
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
        };

        abstract void block() throws InterruptedException;
    }

    @Test
    @DisplayName("dormeuse et vérificatrice s'arrêtent, têtue tourne encore après interrupt")
    void exampleShowsWhoStops() {
        ChildJvm.Result run = Examples.capture("cancel", Cancellation.class);
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
    @DisplayName("un thread bloqué est réveillé aussitôt par InterruptedException")
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
    @DisplayName("une boucle qui ne vérifie jamais continue de tourner après interrupt")
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
    @DisplayName("une boucle qui teste Thread.interrupted() (testcancel) s'arrête")
    void checkingLoopStops() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        Thread checker = new Thread(() -> {
            running.countDown();
            while (!Thread.interrupted()) {
                Thread.onSpinWait();
            }
        }, "vérificatrice");
        checker.start();
        running.await();
        checker.interrupt();
        checker.join(SHORT.toMillis());
        assertThat(checker.isAlive()).isFalse();
    }

    @Test
    @DisplayName("une demande faite avant l'appel bloquant attend ce point d'annulation, puis s'efface")
    void pendingInterruptFiresAtTheNextBlockingCall() {
        Thread.currentThread().interrupt(); // demande déposée d'avance
        boolean thrown = false;
        try {
            Thread.sleep(Long.MAX_VALUE); // le premier point d'annulation
        } catch (InterruptedException e) {
            thrown = true;
        }
        assertThat(thrown).isTrue();
        assertThat(Thread.currentThread().isInterrupted())
                .as("l'exception a consommé la demande").isFalse();
    }
}
