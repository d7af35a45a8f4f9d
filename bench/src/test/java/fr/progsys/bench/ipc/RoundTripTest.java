package fr.progsys.bench.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import fr.progsys.bench.Measurements;
import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.IpcNames;

@DisplayName("Les allers-retours entre deux processus")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RoundTripTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"unix", "tcp", "udp", "mq", "shm"})
    @DisplayName("chaque transport Java fait tous ses échanges et ne laisse aucun objet IPC")
    void everyTransportCompletesAndCleansUp(String transport) throws IOException {
        String output = Measurements.run(ChildJvm.measurementCommand(RoundTrip.class,
                List.of(), "measure", transport, "200", "500", "80", "160"), 60).get(0);

        String[] fields = output.split(";");
        long median = Long.parseLong(fields[0]);
        long p99 = Long.parseLong(fields[1]);
        assertThat(median).isPositive();
        assertThat(p99).isGreaterThanOrEqualTo(median);
        assertThat(Double.parseDouble(fields[2])).isPositive();
        assertThat(leftovers(Path.of("/dev/shm"))).isEmpty();
        assertThat(leftovers(Path.of("/dev/mqueue"))).isEmpty();
    }

    /** Les objets laissés par ce module ({@code progsys-<pid>-…bench-…}). */
    private static List<Path> leftovers(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of(); // /dev/mqueue n'est pas toujours monté
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> IpcNames.pidOf(f.getFileName().toString()) > 0
                    && f.getFileName().toString().contains("-bench-"))
                    .toList();
        }
    }
}
