package fr.progsys.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import fr.progsys.CTwins;
import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.Snippets;
import fr.progsys.threads.support.Race;

@DisplayName("T19 : les philosophes naïfs s'interbloquent")
class NaivePhilosophersTest {

    private static final Duration SHORT = Duration.ofSeconds(10);

    @Test
    @DisplayName("T19 : chacun tient sa baguette gauche, personne ne mange, l'interblocage est détecté")
    void exampleReachesAndDetectsTheDeadlock() {
        ChildJvm.Result run = Snippets.capture(NaivePhilosophers.class);
        assertThat(run.stderr()).as("sortie d'erreur de l'exemple").isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("main : interblocage détecté : true")
                .doesNotContain("je mange");
        assertThat(run.stdout().lines().filter(l -> l.contains("prise, j'attends")))
                .hasSize(5);
        assertThat(run.stdout().lines().filter(l -> l.endsWith("je quitte la table")))
                .hasSize(5);
    }

    @Test
    @DisplayName("T19 : trois philosophes forcés : tous bloqués dans acquire, aucune baguette libre")
    void forcedDeadlockIsDetected() throws InterruptedException {
        NaivePhilosophers table = deadlockedTable(3);
        try {
            // L'état ne bouge plus : c'est bien un interblocage, pas une attente.
            await().during(Duration.ofMillis(300)).atMost(SHORT)
                    .until(table::deadlocked);
            assertThat(table.chopsticks).allMatch(s -> s.availablePermits() == 0);
        } finally {
            table.stop();
        }
        assertThat(table.philosophers).noneMatch(Thread::isAlive);
    }

    @Test
    @DisplayName("T19 : ThreadMXBean ne voit pas cet interblocage : un sémaphore n'a pas de propriétaire")
    void threadMxBeanCannotSeeASemaphoreDeadlock() throws InterruptedException {
        NaivePhilosophers table = deadlockedTable(2);
        try {
            assertThat(ManagementFactory.getThreadMXBean().findDeadlockedThreads())
                    .as("threads interbloqués selon la JVM").isNull();
        } finally {
            table.stop();
        }
    }

    @Test
    @DisplayName("T19 : ThreadMXBean voit, lui, un interblocage de deux ReentrantLock :"
            + " ces verrous ont un propriétaire")
    void threadMxBeanSeesAReentrantLockDeadlock() throws InterruptedException {
        ReentrantLock left = new ReentrantLock();
        ReentrantLock right = new ReentrantLock();
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);
        Thread a = new Thread(ThreadsTestSupport.routine(() -> crossLock(left, right,
                bothHoldOne)), "a");
        Thread b = new Thread(ThreadsTestSupport.routine(() -> crossLock(right, left,
                bothHoldOne)), "b");
        a.start();
        b.start();
        try {
            await().atMost(SHORT).until(() -> {
                long[] ids = ManagementFactory.getThreadMXBean()
                        .findDeadlockedThreads();
                return ids != null && ids.length == 2;
            });
            assertThat(ManagementFactory.getThreadMXBean().findDeadlockedThreads())
                    .containsExactlyInAnyOrder(a.getId(), b.getId());
        } finally {
            a.interrupt(); // lockInterruptibly : l'interblocage se dénoue
            b.interrupt();
            a.join(SHORT.toMillis());
            b.join(SHORT.toMillis());
        }
        assertThat(a.isAlive() || b.isAlive()).isFalse();
    }

    /** Prend {@code first}, attend l'autre thread, puis veut {@code second}. */
    private static void crossLock(ReentrantLock first, ReentrantLock second,
            CyclicBarrier bothHoldOne) throws InterruptedException {
        first.lockInterruptibly();
        try {
            Race.await(bothHoldOne);
            second.lockInterruptibly(); // tenu par l'autre, qui veut first
            second.unlock();
        } finally {
            first.unlock();
        }
    }

    @Test
    @DisplayName("T19 : sans barrière, un philosophe seul à table mange : le code est juste, l'ordre est le piège")
    void aSinglePhilosopherWithTwoChopsticksEats() throws InterruptedException {
        NaivePhilosophers table = new NaivePhilosophers(2, () -> { });
        Thread alone = table.philosophers.get(0);
        alone.start(); // l'autre ne vient pas : pas de cycle d'attente
        alone.join(SHORT.toMillis());
        assertThat(alone.isAlive()).isFalse();
        assertThat(table.chopsticks).extracting(Semaphore::availablePermits)
                .containsOnly(1);
    }

    /** n philosophes menés jusqu'à l'interblocage par une barrière. */
    private static NaivePhilosophers deadlockedTable(int n) {
        CyclicBarrier allHoldLeft = new CyclicBarrier(n);
        NaivePhilosophers table =
                new NaivePhilosophers(n, () -> Race.await(allHoldLeft));
        table.start();
        await().atMost(SHORT).until(table::deadlocked);
        return table;
    }

    @Test
    @Timeout(120)
    @DisplayName("T19 : le jumeau C philosophers.c (sem_t par baguette, pthread_barrier) mène au même interblocage que NaivePhilosophers")
    void cTwinReachesTheSameDeadlock(@TempDir Path dir) {
        ChildJvm.Result c = CTwins.runCaptured("threads/philosophers.c", dir,
                Duration.ofSeconds(30), "threads/philosophers-c.txt");
        ChildJvm.Result java = Snippets.capture(NaivePhilosophers.class);
        // Chacun tient sa gauche et attend la droite du voisin : mêmes
        // lignes (l'ordre, lui, dépend de l'ordonnanceur). Un jumeau qui
        // prendrait la droite d'abord pour un seul philosophe (la parade)
        // n'aurait pas cinq droites prises.
        assertThat(taken(c.stdout())).hasSize(5)
                .containsExactlyInAnyOrderElementsOf(taken(java.stdout()));
        assertThat(c.stdout()).contains(
                "main : interblocage : 5 sur 5 trouvent leur droite prise (EAGAIN)");
    }

    private static List<String> taken(String out) {
        return out.lines().filter(l -> l.contains("prise, j'attends")).toList();
    }
}
