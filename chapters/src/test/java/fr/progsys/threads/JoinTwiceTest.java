package fr.progsys.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.Snippets;

@DisplayName("T08, T09 : attendre la fin d'un thread avec join")
class JoinTwiceTest {

    @Test
    @DisplayName("T08, T09 : join attend, le second join revient, un démon se joint aussi")
    void exampleJoinsTwiceAndJoinsADaemon() {
        ChildJvm.Result run = Snippets.capture(JoinTwice.class);
        assertThat(run.stderr()).as("sortie d'erreur de l'exemple").isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout().lines()).containsExactly(
                "cadette : je travaille puis je finis",
                "main : premier join revenu, cadette vivante : false",
                "main : second join revenu aussitôt",
                "démon : je travaille aussi",
                "main : démon joint, vivant : false");
    }

    @Test
    @DisplayName("T08, T09 : join bloque tant que le thread attendu tourne")
    void joinBlocksWhileTheThreadRuns() throws InterruptedException {
        CountDownLatch mayFinish = new CountDownLatch(1);
        Thread worker = new Thread(ThreadsTestSupport.routine(mayFinish::await), "ouvrière");
        Thread joiner = new Thread(ThreadsTestSupport.routine(worker::join), "attente");
        worker.start();
        joiner.start();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> joiner.getState() == Thread.State.WAITING);
        mayFinish.countDown();
        joiner.join(); // revient parce que ouvrière a fini
        assertThat(worker.isAlive()).isFalse();
    }

    @Test
    @DisplayName("T08, T09 : en Java, joindre deux fois un thread fini revient aussitôt, sans erreur")
    void joiningTwiceReturnsAtOnce() throws InterruptedException {
        Thread t = new Thread(() -> { });
        t.start();
        t.join();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            t.join();
            t.join();
        });
        assertThat(t.getState()).isEqualTo(Thread.State.TERMINATED);
    }

    @Test
    @DisplayName("T08, T09 : joindre un thread jamais démarré revient aussitôt (il n'est pas vivant)")
    void joiningAnUnstartedThreadReturnsAtOnce() {
        Thread never = new Thread(() -> { });
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> never.join());
        assertThat(never.getState()).isEqualTo(Thread.State.NEW);
    }

    @Test
    @DisplayName("T08, T09 : un thread démon reste joignable : démon ne veut pas dire détaché")
    void daemonThreadsAreJoinable() throws InterruptedException {
        CountDownLatch mayFinish = new CountDownLatch(1);
        String[] result = new String[1];
        Thread daemon = new Thread(ThreadsTestSupport.routine(() -> {
            mayFinish.await();
            result[0] = "fait";
        }), "démon");
        daemon.setDaemon(true);
        Thread joiner = new Thread(ThreadsTestSupport.routine(daemon::join), "attente");
        daemon.start();
        joiner.start();
        // join attend vraiment le démon : il ne revient pas tant qu'il vit.
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> joiner.getState() == Thread.State.WAITING
                        && daemon.isAlive());
        mayFinish.countDown();
        joiner.join();
        assertThat(daemon.isDaemon()).isTrue();
        assertThat(daemon.isAlive()).isFalse();
        assertThat(result[0]).isEqualTo("fait"); // visible grâce à join
    }
}
