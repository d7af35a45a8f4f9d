package fr.progsys.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import fr.progsys.CTwins;
import fr.progsys.posix.UnnamedSemaphore;
import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.Snippets;
import fr.progsys.threads.support.Race;

@DisplayName("T17, T18 : le sémaphore POSIX anonyme (sem_init, pshared = 0)")
class PosixSemaphoreTest {

    private static final Duration SHORT = Duration.ofSeconds(5);

    @Test
    @DisplayName("T17, T18 : sem_wait passe à 1, sem_trywait échoue à 0, sem_post débloque cadette")
    void exampleRunsInOrder() {
        ChildJvm.Result run = Snippets.capture(PosixSemaphore.class);
        assertThat(run.stderr()).as("sortie d'erreur de l'exemple").isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout().lines()).containsExactly(
                "main : sem_wait passé, valeur 0",
                "main : sem_trywait = false (EAGAIN en C)",
                "cadette : sem_wait, j'attends",
                "cadette : sem_wait rendu, jeton pris",
                "main : valeur finale 0");
    }

    @Test
    @Timeout(120)
    @DisplayName("T17, T18 : le jumeau C posix_semaphore.c suit les mêmes étapes et voit les mêmes valeurs que PosixSemaphore")
    void cTwinPrintsTheSameFacts(@TempDir Path dir) {
        ChildJvm.Result c = CTwins.runCaptured("threads/posix_semaphore.c", dir,
                Duration.ofSeconds(30), "threads/posix-semaphore-c.txt");
        ChildJvm.Result java = Snippets.capture(PosixSemaphore.class);
        // Mêmes lignes, sauf sem_trywait : -1 et errno en C, false en Java.
        // Un jumeau qui créerait le sémaphore à 2 jetons, ou dont sem_trywait
        // réussirait, s'écarterait ici.
        assertThat(c.stdout().lines()).containsExactly(
                "main : sem_wait passé, valeur 0",
                "main : sem_trywait = -1 (EAGAIN)",
                "cadette : sem_wait, j'attends",
                "cadette : sem_wait rendu, jeton pris",
                "main : valeur finale 0");
        assertThat(java.stdout().lines().filter(l -> !l.contains("sem_trywait")))
                .containsExactlyElementsOf(c.stdout().lines()
                        .filter(l -> !l.contains("sem_trywait")).toList());
    }

    @Test
    @DisplayName("T17, T18 : à 0, sem_wait endort le thread dans le noyau jusqu'au sem_post d'un autre thread")
    void semWaitSleepsInTheKernelUntilPost() {
        try (UnnamedSemaphore sem = new UnnamedSemaphore(0)) {
            Waiter waiter = Waiter.sleepingOn(sem);
            sem.post(); // depuis un autre thread du même processus
            waiter.awaitPassage();
            assertThat(sem.value()).isZero();
        }
    }

    @Test
    @DisplayName("T17, T18 : sem_trywait échoue aussitôt à 0 (EAGAIN), réussit après sem_post")
    void tryWaitFailsAtOnceAtZero() {
        try (UnnamedSemaphore sem = new UnnamedSemaphore(1)) {
            assertThat(sem.tryWait()).isTrue();
            assertThat(sem.value()).isZero();
            assertThat(sem.tryWait()).isFalse();
            sem.post();
            assertThat(sem.value()).isEqualTo(1);
            assertThat(sem.tryWait()).isTrue();
        }
    }

    @Test
    @DisplayName("T17, T18 : pshared = 0 : le sémaphore sert de verrou entre les threads du processus")
    void semaphoreProtectsACounterBetweenThreads() throws InterruptedException {
        try (UnnamedSemaphore mutex = new UnnamedSemaphore(1)) {
            int[] counter = {0};
            Race.run(2, 50_000, () -> {
                mutex.await();
                try {
                    counter[0]++;
                } finally {
                    mutex.post();
                }
            });
            assertThat(counter[0]).isEqualTo(100_000);
        }
    }

    @Test
    @DisplayName("T17, T18 : interrupt() ne réveille pas sem_wait : l'appel natif ignore le drapeau Java (bien qu'il soit un point d'annulation POSIX)")
    void interruptDoesNotWakeSemWait() {
        try (UnnamedSemaphore sem = new UnnamedSemaphore(0)) {
            Waiter waiter = Waiter.sleepingOn(sem);
            waiter.thread.interrupt();
            await().during(Duration.ofMillis(300)).atMost(SHORT)
                    .until(() -> waiter.thread.isAlive() && !waiter.passed());
            sem.post();
            waiter.awaitPassage();
        }
    }

    /** Un thread qui fait sem_wait, et le moment où il est passé. */
    private record Waiter(Thread thread, CountDownLatch passage) {

        /**
         * Démarre un thread qui fait sem_wait et attend qu'il dorme dans le
         * noyau (état « S » dans /proc, sur un futex), sans passer, pendant 300 ms.
         */
        static Waiter sleepingOn(UnnamedSemaphore sem) {
            AtomicLong tid = new AtomicLong();
            CountDownLatch passage = new CountDownLatch(1);
            Thread thread = new Thread(() -> {
                tid.set(ThreadsTestSupport.tid());
                sem.await();
                passage.countDown();
            }, "cadette");
            thread.start();
            await().during(Duration.ofMillis(300)).atMost(SHORT)
                    .until(() -> tid.get() != 0
                            && ThreadsTestSupport.kernelState(tid.get()) == 'S'
                            && passage.getCount() == 1);
            return new Waiter(thread, passage);
        }

        boolean passed() {
            return passage.getCount() == 0;
        }

        /** Attend (5 s au plus) que le thread soit passé et ait fini. */
        void awaitPassage() {
            await().atMost(SHORT).until(() -> passed() && !thread.isAlive());
        }
    }

    @Test
    @DisplayName("T17, T18 : après sem_destroy (close), le sémaphore ne sert plus ; le détruire deux fois est sans effet")
    void destroyedSemaphoreIsUnusable() {
        UnnamedSemaphore sem = new UnnamedSemaphore(1);
        sem.close();
        sem.close();
        assertThatThrownBy(sem::tryWait).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(sem::post).isInstanceOf(IllegalStateException.class);
    }
}
