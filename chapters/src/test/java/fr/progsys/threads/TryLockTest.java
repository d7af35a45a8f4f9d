package fr.progsys.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.Snippets;

@DisplayName("T15 : lock, tryLock, unlock")
class TryLockTest {

    @Test
    @DisplayName("T15 : tryLock échoue pendant que gardienne tient le verrou, réussit après")
    void exampleShowsTryLockFailingThenSucceeding() {
        ChildJvm.Result run = Snippets.capture(TryLock.class);
        assertThat(run.stderr()).as("sortie d'erreur de l'exemple").isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout().lines()).containsExactly(
                "gardienne : je tiens le verrou",
                "main : tryLock() = false",
                "gardienne : verrou rendu",
                "main : tryLock() = true");
    }

    @Test
    @DisplayName("T15 : tryLock rend false sans attendre tant qu'un autre thread tient le verrou")
    void tryLockFailsWhileHeld() throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch mayRelease = new CountDownLatch(1);
        Thread holder = new Thread(ThreadsTestSupport.routine(() -> {
            lock.lock();
            try {
                held.countDown();
                mayRelease.await();
            } finally {
                lock.unlock();
            }
        }));
        holder.start();
        held.await();
        assertThat(lock.tryLock()).isFalse();
        assertThat(lock.tryLock(1, TimeUnit.MILLISECONDS))
                .as("même avec un court délai").isFalse();
        assertThat(lock.isHeldByCurrentThread()).isFalse();
        mayRelease.countDown();
        holder.join();
        assertThat(lock.tryLock()).isTrue();
        lock.unlock();
    }
}
