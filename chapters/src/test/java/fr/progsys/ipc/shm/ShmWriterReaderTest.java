package fr.progsys.ipc.shm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import fr.progsys.ipc.IpcTestSupport;
import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.IpcHygiene;
import fr.progsys.testkit.IpcNames;
import fr.progsys.testkit.Snippets;

@DisplayName("I09, I11, I12 : un écrivain et un lecteur, deux processus, un objet de mémoire partagée (exemples ShmWriter, ShmReader)")
@ExtendWith(IpcHygiene.class)
@Timeout(value = 150, unit = TimeUnit.SECONDS) // plusieurs JVM enfants à la suite
class ShmWriterReaderTest {

    private static final Duration T = Duration.ofSeconds(30);
    private static final Pattern WRITER_PID = Pattern.compile("écrit par le PID (\\d+)");

    @BeforeAll
    static void linux() {
        IpcTestSupport.linux();
    }

    private static String writerPid(ChildJvm.Result writer) {
        Matcher m = WRITER_PID.matcher(writer.stdout());
        assertThat(m.find()).as(writer.console()).isTrue();
        return m.group(1);
    }

    @Test
    @DisplayName("un objet neuf a la taille 0 ; ce qu'écrit un processus en MAP_SHARED, l'autre le lit")
    void sharedWritesAreSeenByTheOtherProcess() {
        String name = IpcNames.unique("shm");
        ChildJvm.Result writer = Snippets.capture(ShmWriter.class, name);
        assertThat(writer.stdout()).contains("taille après shm_open : 0\n")
                .contains("taille après ftruncate : 4096\n");

        ChildJvm.Result reader = Snippets.capture(ShmReader.class, name);
        assertThat(reader.exitCode()).isZero();
        assertThat(reader.stdout())
                .contains("PID de l'écrivain : " + writerPid(writer) + "\n")
                .contains("texte : « bonjour de l'écrivain »")
                .doesNotContain("lecteur PID " + writerPid(writer) + ",");
        assertThat(Path.of("/dev/shm", name.substring(1))).doesNotExist(); // shm_unlink
    }

    @Test
    @DisplayName("en MAP_PRIVATE, les écritures restent dans l'écrivain : le lecteur ne voit que des zéros")
    void privateWritesAreNotSeen() {
        String name = IpcNames.unique("shm");
        ChildJvm.Result writer = Snippets.of(ShmWriter.class).variant("private")
                .capture(name, "privé");
        assertThat(writer.stdout()).contains("MAP_PRIVATE : écrit par le PID");

        ChildJvm.Result reader = Snippets.of(ShmReader.class).variant("private")
                .capture(name);
        assertThat(reader.stdout()).contains("PID de l'écrivain : 0\n")
                .contains("texte : «  »");
    }

    @Test
    @DisplayName("interopérabilité : Java écrit la mémoire partagée, un programme C la lit")
    void javaWritesAndCReads(@TempDir Path dir) {
        Path exe = IpcTestSupport.compileTwin("shm_reader.c", dir);
        String name = IpcNames.unique("shm");
        ChildJvm.Result writer = ChildJvm.run(T, ShmWriter.class, name);
        try {
            ChildJvm.Result c = ChildJvm.run(T, List.of(exe.toString(), name));
            Snippets.write("ipc/shm-c-reader.txt", "$ ./shm_reader " + name + "\n"
                    + c.console());
            assertThat(c.exitCode()).as(c.console()).isZero();
            assertThat(c.stdout()).contains("C : PID de l'écrivain " + writerPid(writer))
                    .contains("C : texte « bonjour de l'écrivain »");
        } finally {
            fr.progsys.posix.SharedMemory.unlinkIfExists(name);
        }
    }
}
