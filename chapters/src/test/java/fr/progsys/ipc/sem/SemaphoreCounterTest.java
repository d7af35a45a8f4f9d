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

@DisplayName("I13, I14, I15 : un sémaphore nommé exclut deux processus, Java ou C")
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

    /** Le compteur lu par un processus en mode rendez-vous avant sa boucle. */
    static long startCount(String stdout) {
        return stdout.lines().filter(l -> l.startsWith("début : compteur = ")).findFirst()
                .map(l -> Long.parseLong(l.substring("début : compteur = ".length())))
                .orElseThrow(() -> new AssertionError("pas de ligne « début » :\n" + stdout));
    }

    @Test
    @DisplayName("I14 : deux processus Java, " + N + " incréments chacun sous le sémaphore, boucles forcées à se chevaucher : total exact")
    void twoJavaProcessesCountExactly() {
        // Chaque processus s'arrête à mi-parcours ; le test ne relâche les deux
        // qu'une fois les deux arrêtés. L'un des deux voit donc forcément des
        // incréments de l'autre dans sa fenêtre (début, fin) : les boucles se
        // chevauchent, quelle que soit la charge de la machine.
        try (ChildJvm a = ChildJvm.start(SemaphoreCounter.class, name, "" + N, "rendez-vous");
                ChildJvm b = ChildJvm.start(SemaphoreCounter.class, name, "" + N,
                        "rendez-vous")) {
            a.awaitLine("à mi-parcours", T);
            b.awaitLine("à mi-parcours", T);
            a.send("");
            b.send("");
            ChildJvm.Result ra = a.awaitExit(T);
            ChildJvm.Result rb = b.awaitExit(T);
            assertThat(ra.exitCode()).as(ra.console()).isZero();
            assertThat(rb.exitCode()).as(rb.console()).isZero();
            long windowA = finalCount(ra.stdout()) - startCount(ra.stdout());
            long windowB = finalCount(rb.stdout()) - startCount(rb.stdout());
            System.out.println("fenêtres : A " + windowA + ", B " + windowB + " (N = " + N + ")");
            // la preuve du chevauchement : une fenêtre contient plus que ses N incréments
            assertThat(Math.max(windowA, windowB)).isGreaterThan(N);
            assertThat(Math.max(finalCount(ra.stdout()), finalCount(rb.stdout())))
                    .isEqualTo(2L * N);
        }
    }

    @Test
    @DisplayName("I14 : la sortie de deux terminaux (pour le livre) : le dernier à finir affiche 2N")
    void twoTerminalsForTheBook() {
        long[] shown = runTwoProcesses(SemaphoreCounter.class, name, N);
        assertThat(Math.max(shown[0], shown[1])).isEqualTo(2L * N);
    }

    @Test
    @DisplayName("I14 : entrelacement forcé : A lit 0 en section critique, B reste bloqué dans sem_wait, puis lit 1 — aucun incrément perdu")
    void forcedInterleavingLosesNothing() {
        Duration t = Duration.ofSeconds(20);
        try (ChildJvm a = ChildJvm.start(SemaphoreCounter.class, name, "1", "pas-à-pas")) {
            a.awaitLine("lu 0", t); // A est entre sa lecture et son écriture
            try (ChildJvm b = ChildJvm.start(SemaphoreCounter.class, name, "1", "pas-à-pas")) {
                b.awaitLine("attente du sémaphore", t);
                // sans exclusion, B lirait 0 tout de suite (et perdrait l'incrément de A)
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10))
                        .until(() -> b.process().isAlive() && !b.stdout().contains("lu "));
                a.send("");
                a.awaitLine("écrit 1", t);
                b.awaitLine("lu 1", t); // B n'est entré qu'après le sem_post de A
                b.send("");
                b.awaitLine("écrit 2", t);
                assertThat(a.awaitExit(t).exitCode()).isZero();
                assertThat(b.awaitExit(t).exitCode()).isZero();
            }
        }
        ChildJvm.Result check = ChildJvm.run(T, SemaphoreCounter.class, name, "0");
        assertThat(check.stdout()).contains("compteur = 2\n");
    }

    /**
     * Lance deux processus de {@code n} incréments sur le même compteur, écrit
     * leurs sorties comme deux terminaux (la session de l'exemple {@code main},
     * et chaque terminal dans sa variante {@code -1}, {@code -2}) et rend les
     * deux valeurs affichées (celle du dernier à finir est la valeur finale).
     */
    static long[] runTwoProcesses(Class<?> main, String name, int n) {
        try (ChildJvm a = ChildJvm.start(main, name, "" + n);
                ChildJvm b = ChildJvm.start(main, name, "" + n)) {
            ChildJvm.Result ra = a.awaitExit(T);
            ChildJvm.Result rb = b.awaitExit(T);
            assertThat(ra.exitCode()).as(ra.console()).isZero();
            assertThat(rb.exitCode()).as(rb.console()).isZero();
            Snippets.Snippet session = Snippets.of(main);
            session.write("# terminal 1\n"
                    + session.variant("1").record(ra.console(), name, "" + n)
                    + "# terminal 2\n"
                    + session.variant("2").record(rb.console(), name, "" + n));
            return new long[] {finalCount(ra.stdout()), finalCount(rb.stdout())};
        }
    }

    @Test
    @DisplayName("I13, I14 : interopérabilité : un processus Java et un processus C comptent sous le même sémaphore, total exact")
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
    @DisplayName("I14 : tant que le test tient le sémaphore, un autre processus Java reste bloqué dans sem_wait")
    void aHeldSemaphoreBlocksTheOtherProcess() {
        Duration t = Duration.ofSeconds(20);
        try (NamedSemaphore mutex = NamedSemaphore.open(name, O_CREAT | O_EXCL, 0600, 1)) {
            mutex.await(); // ce processus (le test) entre en section critique
            assertThat(mutex.tryWait()).isFalse(); // sem_trywait à 0 : EAGAIN
            try (ChildJvm other = ChildJvm.start(SemaphoreCounter.class, name, "1",
                    "pas-à-pas")) {
                other.awaitLine("attente du sémaphore", t); // l'autre est arrivé à sem_wait
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10))
                        .until(() -> other.process().isAlive()
                                && !other.stdout().contains("lu "));
                mutex.post(); // sortie de section critique : l'autre passe
                other.awaitLine("lu 0", t);
                other.send("");
                assertThat(other.awaitExit(T).stdout()).contains("écrit 1");
            }
        }
    }

    @Test
    @DisplayName("I13, I14 : interopérabilité : tant que Java tient le sémaphore, le programme C reste bloqué dans sem_wait")
    void cWaitsWhileJavaHoldsTheSemaphore(@TempDir Path dir) {
        Path exe = IpcTestSupport.compileTwin("sem_counter.c", dir);
        try (NamedSemaphore mutex = NamedSemaphore.open(name, O_CREAT | O_EXCL, 0600, 1)) {
            mutex.await();
            try (ChildJvm c = ChildJvm.start(List.of(exe.toString(), name, "1"))) {
                // un programme C démarre en quelques millisecondes : une seconde
                // sans sortie, c'est qu'il attend le sémaphore tenu par Java
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10))
                        .until(() -> c.process().isAlive() && c.stdout().isEmpty());
                mutex.post();
                ChildJvm.Result done = c.awaitExit(T);
                assertThat(done.stdout()).contains("1 incréments, compteur = 1");
            }
        }
    }
}
