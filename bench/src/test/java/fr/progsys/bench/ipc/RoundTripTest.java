package fr.progsys.bench.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
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

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"spin", "futex"})
    @DisplayName("le plancher du jumeau C : latence seule, débit vide, aucun objet laissé")
    void floorOfTheCTwin(String transport) throws IOException {
        Path twin = Path.of("target", "c", "round_trip");
        assumeTrue(Files.isExecutable(twin), "jumeau C non compilé (gcc ?)");
        String output = Measurements.run(List.of(twin.toString(), transport, "200", "500",
                "0", "0"), 60).get(0);

        String[] fields = output.split(";", -1);
        assertThat(fields).hasSize(3);
        assertThat(Long.parseLong(fields[0])).isPositive();
        assertThat(Long.parseLong(fields[1])).isGreaterThanOrEqualTo(
                Long.parseLong(fields[0]));
        assertThat(fields[2]).as("débit non mesuré").isEmpty();
        assertThat(leftovers(Path.of("/dev/shm"))).isEmpty();
    }

    @Test
    @DisplayName("rapports Java/C : un par passage, apparié au C du même passage")
    void ratiosPairJavaAndCOfTheSamePass() {
        Map<String, Map<String, List<double[]>>> results = new LinkedHashMap<>();
        double nan = Double.NaN;
        // Médianes Java 2, 4, 6 contre C 2, 2, 2 : rapports 1, 2, 3, moyenne 2,
        // s = 1, demi-largeur t(2) · 1 / √3 = 4,303 / 1,732 = 2,484.
        results.put("tcp", Map.of(
                "Java", List.of(new double[] {2, 10, 5}, new double[] {4, 10, 5},
                        new double[] {6, 10, 5}),
                "C", List.of(new double[] {2, 10, 5}, new double[] {2, 10, 5},
                        new double[] {2, 10, 5})));
        results.put("spin", Map.of(
                "Java", List.of(new double[] {1, 1, nan}, new double[] {1, 1, nan}),
                "C", List.of(new double[] {1, 1, nan}, new double[] {1, 1, nan})));
        results.put("futex", Map.of("C", List.of(new double[] {1, 1, nan})));

        assertThat(RoundTrip.ratios(results)).containsExactly(
                "transport,metric,n,mean,ci_low,ci_high",
                "tcp,median_us,3,2.000,-0.484,4.484",
                "tcp,p99_us,3,1.000,1.000,1.000",
                "tcp,throughput_mib_s,3,1.000,1.000,1.000",
                "spin,median_us,2,1.000,1.000,1.000",
                "spin,p99_us,2,1.000,1.000,1.000");
    }

    /**
     * Les objets laissés par ce module ({@code progsys-<pid>-…bench-…}) dont
     * le processus est mort : ceux d'un autre build qui tourne en même temps
     * sur la machine (PID vivant) ne comptent pas.
     */
    private List<Path> leftovers(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of(); // /dev/mqueue n'est pas toujours monté
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                long pid = IpcNames.pidOf(name);
                return pid > 0 && name.contains("-bench-") && !before.contains(f)
                        && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            }).toList();
        }
    }

    /** Ce qui était là avant le test : les restes d'une autre exécution ne sont pas les siens. */
    private final Set<Path> before = new HashSet<>();

    @BeforeEach
    void rememberWhatWasThere() throws IOException {
        for (Path dir : List.of(Path.of("/dev/shm"), Path.of("/dev/mqueue"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.forEach(before::add);
                }
            }
        }
    }
}
