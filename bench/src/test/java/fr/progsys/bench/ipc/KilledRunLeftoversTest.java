package fr.progsys.bench.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.IpcNames;
import fr.progsys.testkit.IpcSweeper;

/**
 * Une mesure tuée ({@code kill -9}, Ctrl-C du build) n'a pas le temps
 * d'appeler {@code shm_unlink} ni {@code sem_unlink} : ses objets restent dans
 * {@code /dev/shm}. Ce test prouve qu'ils portent le nom du projet
 * ({@code progsys-<pid>-…}, celui de {@link IpcNames}) et que le balayeur des
 * tests les supprime. Les objets sont cherchés par le PID écrit dans leur
 * nom, quel qu'en soit le schéma : un nom que {@link IpcNames#pidOf} ne
 * reconnaît pas (l'ancien {@code /progsys-bench-<pid>-…}) resterait après le
 * balayeur, et la dernière assertion échouerait.
 */
@DisplayName("Les objets IPC d'une mesure tuée : reconnus et supprimés par le balayeur")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KilledRunLeftoversTest {

    static final Path DEV_SHM = Path.of("/dev/shm");

    /** Le jumeau C, compilé par ce build (phase process-classes) dans target/c. */
    static final Path ROUND_TRIP_C = Path.of("target", "c", "round_trip");

    /** Une chauffe sans fin : la mesure tourne jusqu'à ce qu'on la tue. */
    static List<String> endless(String transport) {
        return List.of(transport, "2000000000", "10", "0", "0");
    }

    /**
     * shm : une mémoire partagée et quatre sémaphores nommés (sem.progsys-…) ;
     * spin : la page du mot partagé.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"Java,shm,5", "C,shm,5", "Java,spin,1", "C,spin,1"})
    @DisplayName("les objets de /dev/shm d'un aller-retour tué (Java, C ; shm, spin)")
    void sweeperRemovesWhatAKilledRunLeft(String language, String transport, int objects)
            throws IOException {
        assumeTrue(Files.isDirectory(DEV_SHM), "/dev/shm absent");
        List<String> endless = endless(transport);
        List<String> command;
        if (language.equals("Java")) {
            command = ChildJvm.measurementCommand(RoundTrip.class, List.of(),
                    Stream.concat(Stream.of("measure"), endless.stream())
                            .toArray(String[]::new));
        } else {
            assumeTrue(Files.isExecutable(ROUND_TRIP_C), "jumeau C non compilé (gcc ?)");
            command = Stream.concat(Stream.of(ROUND_TRIP_C.toString()), endless.stream())
                    .toList();
        }
        long pid;
        try (ChildJvm run = ChildJvm.start(command)) {
            pid = run.pid();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> leftBy(pid).size() == objects);
        } // close() : SIGKILL au processus et à l'autre bout, sans unlink

        List<Path> left = leftBy(pid);
        assertThat(left).as("laissés par la mesure tuée").hasSize(objects);
        IpcSweeper.sweep();
        assertThat(left).as("après le balayeur").noneMatch(Files::exists);
    }

    /** Les objets de bench de /dev/shm dont le nom porte {@code pid}, entre deux tirets. */
    private static List<Path> leftBy(long pid) throws IOException {
        try (Stream<Path> entries = Files.list(DEV_SHM)) {
            return entries.filter(e -> {
                String name = e.getFileName().toString();
                return name.contains("-" + pid + "-") && name.contains("bench");
            }).toList();
        }
    }
}
