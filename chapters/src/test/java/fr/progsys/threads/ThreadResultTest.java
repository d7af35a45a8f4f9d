package fr.progsys.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.Snippets;

@DisplayName("T07 : un thread rend une valeur en finissant")
class ThreadResultTest {

    @Test
    @DisplayName("T07 : main reçoit la valeur calculée, puis l'erreur du thread raté")
    void exampleReturnsAValueThenAnError() {
        ChildJvm.Result run = Snippets.capture(ThreadResult.class);
        assertThat(run.stderr()).as("sortie d'erreur de l'exemple").isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("main : somme = 500500\n"
                + "main : le thread a échoué : "
                + "java.lang.ArithmeticException: débordement\n");
    }

    @Test
    @DisplayName("T07 : get() attend la fin du thread avant de rendre sa valeur")
    void getWaitsForTheEnd() throws Exception {
        CountDownLatch mayFinish = new CountDownLatch(1);
        FutureTask<String> task = new FutureTask<>(() -> {
            mayFinish.await();
            return "fini";
        });
        Thread worker = new Thread(task, "ouvrière");
        worker.start();
        FutureTask<String> reader = new FutureTask<>(task::get);
        Thread waiting = new Thread(reader, "lectrice");
        waiting.start();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> !reader.isDone()
                        && waiting.getState() == Thread.State.WAITING);
        mayFinish.countDown();
        assertThat(reader.get()).isEqualTo("fini");
        worker.join();
    }

    @Test
    @DisplayName("T07 : l'exception levée par le thread revient à main, enveloppée dans ExecutionException")
    void failureIsHandedBack() throws InterruptedException {
        FutureTask<Integer> task = new FutureTask<>(() -> {
            throw new ArithmeticException("zéro");
        });
        Thread t = new Thread(task);
        t.start();
        t.join();
        assertThatThrownBy(task::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ArithmeticException.class)
                .hasRootCauseMessage("zéro");
    }
}
