package fr.progsys.ipc.sem;

import static fr.progsys.posix.OpenFlags.O_CREAT;
import static fr.progsys.posix.OpenFlags.O_EXCL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import fr.progsys.ipc.IpcTestSupport;
import fr.progsys.posix.NamedSemaphore;
import fr.progsys.posix.SharedMemory;
import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.IpcHygiene;
import fr.progsys.testkit.IpcNames;
import fr.progsys.testkit.Snippets;

@DisplayName("I13–I15 : un sémaphore nommé exclut deux processus, Java ou C")
@ExtendWith(IpcHygiene.class)
@Timeout(value = 150, unit = TimeUnit.SECONDS) // plusieurs JVM enfants à la suite
class SemaphoreCounterTest {

    private static final Duration T = Duration.ofSeconds(50);
    static final int N = 200_000;

    private String name;

    @BeforeAll
    static void linux() {
        IpcTestSupport.linux();
    }

    @BeforeEach
    void freshName() {
        name = IpcNames.unique("compteur");
    }

    @AfterEach
    void unlinkBoth() {
        SharedMemory.unlinkIfExists(name);
        NamedSemaphore.unlinkIfExists(name);
    }

    static long finalCount(String stdout) {
        String last = stdout.strip().lines().reduce((a, b) -> b).orElseThrow();
        return Long.parseLong(last.replaceAll(".*compteur = ", "").replaceAll("\\D", ""));
    }

    @Test
    @DisplayName("deux processus Java, " + N + " incréments chacun sous le sémaphore : total exact")
    void twoJavaProcessesCountExactly() {
        assertThat(runTwoProcesses(SemaphoreCounter.class, "ipc.sem.counter",
                "ipc/sem-counter", name, N)).isEqualTo(2L * N);
    }

    /**
     * Lance deux processus de {@code n} incréments sur le même compteur, écrit
     * leurs sorties comme deux terminaux ({@code <snippet>.txt}) et rend la
     * valeur finale (celle qu'affiche le dernier à finir).
     */
    static long runTwoProcesses(Class<?> main, String example, String snippet,
            String name, int n) {
        String args = name + " " + n;
        try (ChildJvm a = ChildJvm.start(main, name, "" + n);
                ChildJvm b = ChildJvm.start(main, name, "" + n)) {
            ChildJvm.Result ra = a.awaitExit(T);
            ChildJvm.Result rb = b.awaitExit(T);
            assertThat(ra.exitCode()).as(ra.console()).isZero();
            assertThat(rb.exitCode()).as(rb.console()).isZero();
            Snippets.write(snippet + ".txt", "# terminal 1\n"
                    + Snippets.console(snippet + "-1.txt", example, args, ra.console())
                    + "# terminal 2\n"
                    + Snippets.console(snippet + "-2.txt", example, args, rb.console()));
            return Math.max(finalCount(ra.stdout()), finalCount(rb.stdout()));
        }
    }

    @Test
    @DisplayName("interopérabilité : un processus Java et un processus C s'excluent par le même sémaphore")
    void javaAndCExcludeEachOther(@TempDir Path dir) {
        Path exe = IpcTestSupport.compileTwin("sem_counter.c", dir);
        try (ChildJvm java = ChildJvm.start(SemaphoreCounter.class, name, "" + N);
                ChildJvm c = ChildJvm.start(List.of(exe.toString(), name, "" + N))) {
            ChildJvm.Result rj = java.awaitExit(T);
            ChildJvm.Result rc = c.awaitExit(T);
            assertThat(rj.exitCode()).as(rj.console()).isZero();
            assertThat(rc.exitCode()).as(rc.console()).isZero();
            Snippets.write("ipc/sem-counter-c.txt", "$ ./sem_counter " + name + " " + N
                    + "\n" + rc.console());
            assertThat(Math.max(finalCount(rj.stdout()), finalCount(rc.stdout())))
                    .isEqualTo(2L * N);
        }
    }

    @Test
    @DisplayName("tant qu'un processus tient le sémaphore, l'autre reste bloqué dans sem_wait")
    void aHeldSemaphoreBlocksTheOtherProcess() {
        try (NamedSemaphore mutex = NamedSemaphore.open(name, O_CREAT | O_EXCL, 0600, 1)) {
            mutex.await(); // ce processus (le test) entre en section critique
            assertThat(mutex.tryWait()).isFalse(); // sem_trywait à 0 : EAGAIN
            try (ChildJvm other = ChildJvm.start(SemaphoreCounter.class, name, "1")) {
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10))
                        .until(() -> other.process().isAlive() && other.stdout().isEmpty());
                mutex.post(); // sortie de section critique : l'autre passe
                ChildJvm.Result done = other.awaitExit(T);
                assertThat(done.stdout()).contains("1 incréments, compteur = 1");
            }
        }
    }
}
