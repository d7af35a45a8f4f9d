package fr.progsys.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import fr.progsys.CTwins;
import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.Snippets;

@DisplayName("T14, T16 : le compteur protégé par un verrou")
class LockedCounterTest {

    private static final Duration SHORT = Duration.ofSeconds(5);

    @Test
    @Timeout(180)
    @DisplayName("T14, T16 : le jumeau C locked_counter.c, sous pthread_mutex, imprime le même total exact que LockedCounter")
    void cTwinPrintsTheSameTotal(@TempDir Path dir) {
        ChildJvm.Result c = CTwins.runCaptured("threads/locked_counter.c", dir,
                Duration.ofSeconds(120), "threads/locked-counter-c.txt");
        ChildJvm.Result java = Snippets.capture(LockedCounter.class);
        // Un jumeau sans lock/unlock perdrait des incréments : obtenu < attendu.
        assertThat(digits(c.stdout(), "obtenu"))
                .isEqualTo(digits(c.stdout(), "attendu"))
                .isEqualTo(digits(java.stdout(), "obtenu"))
                .isEqualTo("30000000");
    }

    /** Les chiffres de la ligne qui commence par {@code key}. */
    private static String digits(String out, String key) {
        return out.lines().filter(l -> l.startsWith(key)).findFirst()
                .orElse("").replaceAll("\\D", "");
    }

    @Test
    @DisplayName("T16 : 3 × 10 000 000 incréments sous synchronized : exactement 30 000 000")
    void synchronizedCounterIsExact() {
        ChildJvm.Result run = Snippets.capture(LockedCounter.class);
        assertThat(run.stderr()).as("sortie d'erreur de l'exemple").isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("verrou  : synchronized\n"
                + "attendu : 30 000 000\n"
                + "obtenu  : 30 000 000\n");
    }

    @Test
    @DisplayName("T14, T16 : sous ReentrantLock, aucun incrément ne se perd (3 × 100 000)")
    void reentrantLockCounterIsExact() throws InterruptedException {
        assertThat(LockedCounter.count(LockedCounter::incrementLocked, 3, 100_000))
                .isEqualTo(300_000);
    }

    @Test
    @DisplayName("T15, T16 : sous verrou, le ++ forcé en deux temps ne perd rien : l'autre thread attend")
    void lockedStepsCannotInterleave() throws InterruptedException {
        UnsafeCounter.counter = 0;
        ReentrantLock lock = new ReentrantLock();
        CountDownLatch firstHasRead = new CountDownLatch(1);
        CountDownLatch mayWrite = new CountDownLatch(1);
        Thread first = new Thread(() -> {
            lock.lock();
            try {
                UnsafeCounter.incrementInSteps(() -> {
                    firstHasRead.countDown();
                    awaitQuietly(mayWrite);
                });
            } finally {
                lock.unlock();
            }
        }, "première");
        Thread second = new Thread(() -> {
            lock.lock();
            try {
                UnsafeCounter.incrementInSteps(() -> { });
            } finally {
                lock.unlock();
            }
        }, "seconde");
        first.start();
        firstHasRead.await(); // première a lu 0 et tient le verrou
        second.start();
        await().during(Duration.ofMillis(300)).atMost(SHORT)
                .until(() -> lock.hasQueuedThread(second));
        mayWrite.countDown();
        first.join();
        second.join();
        assertThat(UnsafeCounter.counter).isEqualTo(2);
    }

    @Test
    @DisplayName("T14 : un verrou équitable sert les threads dans leur ordre d'arrivée")
    void fairLockServesInArrivalOrder() throws InterruptedException {
        ReentrantLock fair = new ReentrantLock(true);
        List<String> order = new ArrayList<>();
        List<Thread> waiters = new ArrayList<>();
        fair.lock();
        try {
            for (String name : List.of("un", "deux", "trois")) {
                Thread t = new Thread(() -> {
                    fair.lock();
                    try {
                        order.add(name);
                    } finally {
                        fair.unlock();
                    }
                }, name);
                waiters.add(t);
                t.start();
                await().atMost(SHORT).until(() -> fair.hasQueuedThread(t));
            }
        } finally {
            fair.unlock();
        }
        for (Thread t : waiters) {
            t.join();
        }
        assertThat(fair.isFair()).isTrue();
        assertThat(order).containsExactly("un", "deux", "trois");
    }

    @Test
    @DisplayName("T14 : un verrou équitable ne se laisse pas prendre par un nouveau"
            + " venu (tryLock avec délai) tant qu'un thread attend en file")
    void fairLockRefusesToBarge() throws InterruptedException {
        ReentrantLock fair = new ReentrantLock(true);
        CountDownLatch mayRelease = new CountDownLatch(1);
        Thread queued = new Thread(ThreadsTestSupport.routine(() -> {
            fair.lock();
            try {
                mayRelease.await(); // le garde : pas de fenêtre où il est libre
            } finally {
                fair.unlock();
            }
        }), "en-file");
        fair.lock();
        queued.start();
        await().atMost(SHORT).until(() -> fair.hasQueuedThread(queued));
        fair.unlock(); // libre, mais en-file est arrivée avant nous
        assertThat(fair.tryLock(0, TimeUnit.NANOSECONDS))
                .as("un verrou équitable sert d'abord la file").isFalse();
        mayRelease.countDown();
        queued.join();
        assertThat(fair.tryLock(0, TimeUnit.NANOSECONDS)).isTrue();
        fair.unlock();
    }

    @Test
    @DisplayName("T14 : ReentrantLock est réentrant : le même thread le reprend, il faut autant d'unlock")
    void reentrantLockCountsHolds() {
        ReentrantLock lock = new ReentrantLock();
        lock.lock();
        lock.lock(); // un mutex POSIX par défaut s'interbloquerait ici
        assertThat(lock.getHoldCount()).isEqualTo(2);
        lock.unlock();
        assertThat(lock.isLocked()).isTrue();
        lock.unlock();
        assertThat(lock.isLocked()).isFalse();
    }

    @Test
    @DisplayName("T14 : synchronized est réentrant : le thread qui tient le moniteur"
            + " y entre de nouveau sans s'interbloquer")
    void synchronizedIsReentrant() {
        Object monitor = new Object();
        int depth = 0;
        synchronized (monitor) {
            depth++;
            synchronized (monitor) { // un mutex POSIX par défaut s'arrêterait là
                depth++;
                assertThat(Thread.holdsLock(monitor)).isTrue();
            }
            assertThat(Thread.holdsLock(monitor)).as("encore tenu une fois")
                    .isTrue();
        }
        assertThat(Thread.holdsLock(monitor)).isFalse();
        assertThat(depth).isEqualTo(2);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
