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
    @ValueSource(strings = {"unix", "tcp", "udp", "mq", "shm", "spin"})
    @DisplayName("chaque transport Java fait tous ses échanges et ne laisse aucun objet IPC")
    void everyTransportCompletesAndCleansUp(String transport) throws IOException {
        List<String> counts = new RoundTrip.Counts(200, 500, 80, 160).forTransport(transport)
                .args();
        String output = Measurements.run(ChildJvm.measurementCommand(RoundTrip.class,
                List.of(), "measure", transport, counts.get(0), counts.get(1), counts.get(2),
                counts.get(3)), 60).get(0);

        String[] fields = output.split(";", -1);
        long median = Long.parseLong(fields[0]);
        long p99 = Long.parseLong(fields[1]);
        assertThat(median).isPositive();
        assertThat(p99).isGreaterThanOrEqualTo(median);
        if (RoundTrip.LATENCY_ONLY.contains(transport)) {
            assertThat(fields[2]).as("débit non mesuré").isEmpty();
        } else {
            assertThat(Double.parseDouble(fields[2])).isPositive();
        }
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
