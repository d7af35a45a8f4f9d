package fr.progsys.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Semaphore;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import fr.progsys.testkit.ChildJvm;

@DisplayName("T19 : les philosophes naïfs s'interbloquent")
class NaivePhilosophersTest {

    private static final Duration SHORT = Duration.ofSeconds(10);

    @Test
    @DisplayName("chacun tient sa baguette gauche, personne ne mange, l'interblocage est détecté")
    void exampleReachesAndDetectsTheDeadlock() {
        ChildJvm.Result run = Examples.capture("philosophers", NaivePhilosophers.class);
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("main : interblocage détecté : true")
                .doesNotContain("je mange");
        assertThat(run.stdout().lines().filter(l -> l.contains("prise, j'attends")))
                .hasSize(5);
        assertThat(run.stdout().lines().filter(l -> l.endsWith("je quitte la table")))
                .hasSize(5);
    }

    @Test
    @DisplayName("trois philosophes forcés : tous bloqués dans acquire, aucune baguette libre")
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
    @DisplayName("ThreadMXBean ne voit pas cet interblocage : un sémaphore n'a pas de propriétaire")
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
    @DisplayName("sans barrière, un philosophe seul à table mange : le code est juste, l'ordre est le piège")
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
}
