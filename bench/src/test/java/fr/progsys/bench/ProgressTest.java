package fr.progsys.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Les lignes d'avancement d'une longue mesure")
class ProgressTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    @DisplayName("n/N, temps écoulé, reste estimé par le temps moyen d'une mesure, bilan")
    void estimatesFromMeasurementsDone(@TempDir Path dir) throws IOException {
        long[] now = {0};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                () -> now[0]);
        progress.part("ipc");
        progress.plan(4);
        progress.next("unix Java");
        now[0] = 10 * SECOND;
        progress.next("unix C");
        now[0] = 30 * SECOND;
        progress.next("tcp Java"); // deux mesures en 30 s : 15 s chacune, deux restent
        Path csv = Files.writeString(dir.resolve("ipc.csv"), "x");
        progress.wrote(csv);
        progress.wrote(dir.resolve("parti.csv")); // n'existe plus : absent du bilan
        now[0] = 200 * SECOND;
        progress.summary();

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines[1]).startsWith("[ipc 1/4] unix Java").contains("reste ?");
        assertThat(lines[2]).startsWith("[ipc 2/4] unix C")
                .contains("écoulé 10 s", "reste ≈ 30 s");
        assertThat(lines[3]).startsWith("[ipc 3/4] tcp Java")
                .contains("écoulé 30 s", "reste ≈ 30 s");
        assertThat(lines[4]).contains("ipc terminé en 3 min 20 s");
        assertThat(lines[lines.length - 1]).contains("ipc", "3 min 20 s", "ipc.csv")
                .doesNotContain("parti.csv");
    }

    @Test
    @DisplayName("durées lisibles")
    void durations() {
        assertThat(Progress.duration(42 * SECOND)).isEqualTo("42 s");
        assertThat(Progress.duration(187 * SECOND)).isEqualTo("3 min 07 s");
        assertThat(Progress.duration(3720 * SECOND)).isEqualTo("1 h 02 min");
    }
}
