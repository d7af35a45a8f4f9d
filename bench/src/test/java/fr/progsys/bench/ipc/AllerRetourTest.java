package fr.progsys.bench.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import fr.progsys.bench.Processus;
import fr.progsys.testkit.IpcNames;

@DisplayName("Les allers-retours entre deux processus")
class AllerRetourTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"unix", "tcp", "udp", "mq", "shm"})
    @DisplayName("chaque transport Java fait tous ses échanges et ne laisse aucun objet IPC")
    void everyTransportCompletesAndCleansUp(String transport) throws IOException {
        String sortie = Processus.executer(Processus.java(List.of(), AllerRetour.class,
                "mesure", transport, "200", "500", "80", "160"), 60).get(0);

        String[] champs = sortie.split(";");
        long mediane = Long.parseLong(champs[0]);
        long p99 = Long.parseLong(champs[1]);
        assertThat(mediane).isPositive();
        assertThat(p99).isGreaterThanOrEqualTo(mediane);
        assertThat(Double.parseDouble(champs[2])).isPositive();
        assertThat(restes(Path.of("/dev/shm"))).isEmpty();
        assertThat(restes(Path.of("/dev/mqueue"))).isEmpty();
    }

    /** Les objets laissés par ce module ({@code progsys-<pid>-…bench-…}). */
    private static List<Path> restes(Path dossier) throws IOException {
        if (!Files.isDirectory(dossier)) {
            return List.of(); // /dev/mqueue n'est pas toujours monté
        }
        try (Stream<Path> fichiers = Files.list(dossier)) {
            return fichiers.filter(f -> IpcNames.pidOf(f.getFileName().toString()) > 0
                    && f.getFileName().toString().contains("-bench-"))
                    .toList();
        }
    }
}
