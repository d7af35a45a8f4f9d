package fr.progsys.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.sun.management.HotSpotDiagnosticMXBean;

import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.Snippets;

@DisplayName("T03 : pthread_create en Java")
class ThreadAttributesTest {

    @Test
    @DisplayName("T03 : l'argument arrive à la routine, le second start est refusé, main survit à l'échec")
    void exampleShowsArgumentErrorsAndSurvival() {
        ChildJvm.Result run = Snippets.capture(ThreadAttributes.class);
        assertThat(run.stderr()).as("sortie d'erreur de l'exemple").isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout())
                .contains("ouvrier-1 : reçu « bonjour »")
                .contains("second start() refusé (IllegalThreadStateException)")
                .contains("ouvrier-2 : échec, donnée invalide")
                .endsWith("main : toujours là après l'échec de ouvrier-2\n");
    }

    @Test
    @DisplayName("T03 : une erreur de création est une exception : start() deux fois lève IllegalThreadStateException")
    void startingTwiceThrows() throws InterruptedException {
        Thread t = new Thread(() -> { });
        t.start();
        t.join();
        assertThatThrownBy(t::start).isInstanceOf(IllegalThreadStateException.class);
    }

    @Test
    @DisplayName("T03 : la fabrique fixe les attributs avant start : nom, non démon, priorité normale")
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
    @DisplayName("T03 : l'exception d'une routine va au gestionnaire du thread, pas au thread qui l'a lancé")
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

    @Test
    @DisplayName("T02, T03 : sous Linux, HotSpot ignore la priorité Java par défaut :"
            + " ni la politique ni la valeur nice du thread ne changent")
    void javaPriorityDoesNotReachTheKernel() throws Exception {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory
                .getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String policy = hotspot.getVMOption("ThreadPriorityPolicy").getValue();
        System.out.println("ThreadPriorityPolicy = " + policy + ", UseThreadPriorities = "
                + hotspot.getVMOption("UseThreadPriorities").getValue());
        assertThat(policy).as("ThreadPriorityPolicy par défaut").isEqualTo("0");
        List<String> mine = schedulingOfCurrentThread();
        for (int priority : new int[] {Thread.MAX_PRIORITY, Thread.MIN_PRIORITY}) {
            FutureTask<List<String>> seen =
                    new FutureTask<>(ThreadAttributesTest::schedulingOfCurrentThread);
            Thread t = new Thread(seen, "priorité-" + priority);
            t.setPriority(priority);
            t.start();
            assertThat(t.getPriority()).isEqualTo(priority); // côté Java, oui
            assertThat(seen.get()).as("nice et politique du thread de priorité "
                    + priority).isEqualTo(mine);
            t.join();
        }
    }

    /**
     * La valeur nice (champ 19) et la politique d'ordonnancement (champ 41)
     * du thread appelant, lues dans /proc/thread-self/stat (proc(5)).
     */
    private static List<String> schedulingOfCurrentThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            // après « pid (nom) », les champs commencent au n° 3
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return List.of("nice " + f[19 - 3], "politique " + f[41 - 3]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
