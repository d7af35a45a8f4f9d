package fr.progsys.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Semaphore;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.Snippets;

@DisplayName("T17, T18 : java.util.concurrent.Semaphore")
class SemaphoreBasicsTest {

    @Test
    @DisplayName("T17, T18 : un jeton pris, tryAcquire refusé, cadette débloquée par release")
    void exampleRunsInOrder() {
        ChildJvm.Result run = Snippets.capture(SemaphoreBasics.class);
        assertThat(run.stderr()).as("sortie d'erreur de l'exemple").isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout().lines()).containsExactly(
                "main : jeton pris, reste 0",
                "main : tryAcquire() = false",
                "main : cadette attend, je rends le jeton",
                "cadette : jeton obtenu",
                "main : fin, reste 0");
    }

    @Test
    @DisplayName("T17, T18 : acquire bloque tant que la valeur est 0, release le débloque")
    void acquireBlocksAtZero() throws InterruptedException {
        Semaphore sem = new Semaphore(0);
        Thread waiter = new Thread(ThreadsTestSupport.routine(sem::acquire), "cadette");
        waiter.start();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> waiter.getState() == Thread.State.WAITING
                        && sem.hasQueuedThreads());
        sem.release();
        waiter.join(5_000);
        assertThat(waiter.isAlive()).isFalse();
        assertThat(sem.availablePermits()).isZero();
    }

    @Test
    @DisplayName("T17, T18 : tryAcquire échoue tout de suite à 0 et réussit dès qu'un jeton est rendu")
    void tryAcquireNeverWaits() {
        Semaphore sem = new Semaphore(2);
        assertThat(sem.tryAcquire()).isTrue();
        assertThat(sem.tryAcquire()).isTrue();
        assertThat(sem.tryAcquire()).isFalse();
        sem.release();
        assertThat(sem.availablePermits()).isEqualTo(1);
        assertThat(sem.tryAcquire()).isTrue();
    }
}
