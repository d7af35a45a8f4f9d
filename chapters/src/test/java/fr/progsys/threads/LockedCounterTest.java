package fr.progsys.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import fr.progsys.testkit.ChildJvm;

@DisplayName("T14, T16 : le compteur protégé par un verrou")
class LockedCounterTest {

    private static final Duration SHORT = Duration.ofSeconds(5);

    @Test
    @DisplayName("3 × 10 000 000 incréments sous synchronized : exactement 30 000 000")
    void synchronizedCounterIsExact() {
        ChildJvm.Result run = Examples.capture("locked-counter", LockedCounter.class);
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("verrou  : synchronized\n"
                + "attendu : 30 000 000\n"
                + "obtenu  : 30 000 000\n");
    }

    @Test
    @DisplayName("sous ReentrantLock, aucun incrément ne se perd (3 × 100 000)")
    void reentrantLockCounterIsExact() throws InterruptedException {
        assertThat(LockedCounter.count(LockedCounter::incrementLocked, 3, 100_000))
                .isEqualTo(300_000);
    }

    @Test
    @DisplayName("sous verrou, le ++ forcé en deux temps ne perd rien : l'autre thread attend")
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
    @DisplayName("un verrou équitable sert les threads dans leur ordre d'arrivée")
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
    @DisplayName("ReentrantLock est réentrant : le même thread le reprend, il faut autant d'unlock")
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

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
