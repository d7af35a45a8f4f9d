package fr.progsys.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import fr.progsys.testkit.ChildJvm;

@DisplayName("T03 : pthread_create en Java")
class ThreadAttributesTest {

    @Test
    @DisplayName("l'argument arrive à la routine, le second start est refusé, main survit à l'échec")
    void exampleShowsArgumentErrorsAndSurvival() {
        ChildJvm.Result run = Examples.capture("attributes", ThreadAttributes.class);
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout())
                .contains("ouvrier-1 : reçu « bonjour »")
                .contains("second start() refusé (IllegalThreadStateException)")
                .contains("ouvrier-2 : échec, donnée invalide")
                .endsWith("main : toujours là après l'échec de ouvrier-2\n");
    }

    @Test
    @DisplayName("une erreur de création est une exception : start() deux fois lève IllegalThreadStateException")
    void startingTwiceThrows() throws InterruptedException {
        Thread t = new Thread(() -> { });
        t.start();
        t.join();
        assertThatThrownBy(t::start).isInstanceOf(IllegalThreadStateException.class);
    }

    @Test
    @DisplayName("la fabrique fixe les attributs avant start : nom, non démon, priorité normale")
    void factorySetsTheAttributes() {
        ThreadFactory factory = ThreadAttributes.workers("essai");
        Thread first = factory.newThread(() -> { });
        Thread second = factory.newThread(() -> { });
        assertThat(first.getName()).isEqualTo("essai-1");
        assertThat(second.getName()).isEqualTo("essai-2");
        assertThat(first.isDaemon()).isFalse();
        assertThat(first.getPriority()).isEqualTo(Thread.NORM_PRIORITY);
        assertThat(first.getState()).isEqualTo(Thread.State.NEW);
    }

    @Test
    @DisplayName("l'exception d'une routine va au gestionnaire du thread, pas au thread qui l'a lancé")
    void uncaughtExceptionGoesToTheHandler() throws InterruptedException {
        AtomicReference<Throwable> caught = new AtomicReference<>();
        CountDownLatch handled = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            throw new IllegalStateException("boum");
        }, "fragile");
        t.setUncaughtExceptionHandler((th, e) -> {
            caught.set(e);
            handled.countDown();
        });
        t.start();
        t.join(); // ne lève rien : l'erreur ne remonte pas jusqu'ici
        handled.await();
        assertThat(caught.get()).hasMessage("boum");
        assertThat(t.getState()).isEqualTo(Thread.State.TERMINATED);
    }
}
