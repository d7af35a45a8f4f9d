package fr.progsys.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.FutureTask;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.progsys.posix.Unistd;
import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.Snippets;

@DisplayName("T01 : les ressources d'un processus")
class ProcessResourcesTest {

    @Test
    @DisplayName("T01 : l'enfant a son PID, son parent est la JVM de test, il hérite"
            + " du propriétaire, du répertoire et des tubes 0, 1, 2")
    void childReportsItsIdentityAndInheritedResources() {
        ChildJvm.Result run;
        long pid;
        try (ChildJvm child = ChildJvm.start(ProcessResources.class)) {
            pid = child.pid();
            run = child.awaitExit(Duration.ofSeconds(30));
        }
        Snippets.of(ProcessResources.class).record(run.console());
        assertThat(run.stderr()).isEmpty();
        String out = run.stdout();
        assertThat(out).contains("PID " + pid + ", PPID "
                + ProcessHandle.current().pid());
        assertThat(out).contains("UID " + Unistd.getuid() + ", GID "
                + Unistd.getgid());
        assertThat(out).contains("répertoire de travail : "
                + Path.of("").toAbsolutePath());
        // Le test a relié stdin, stdout et stderr de l'enfant à des tubes.
        assertThat(out).containsPattern("(?m)^  0 -> pipe:\\[\\d+]$")
                .containsPattern("(?m)^  1 -> pipe:\\[\\d+]$")
                .containsPattern("(?m)^  2 -> pipe:\\[\\d+]$");
        assertThat(out).containsPattern("signaux interceptés .*: [0-9a-f]{16}");
    }

    @Test
    @DisplayName("T01 : ouvrir un fichier ajoute à la table un descripteur que tous les threads"
            + " voient ; le fermer l'en retire")
    void openingAFileAddsADescriptorSeenByAllThreads(@TempDir Path dir)
            throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            assertThat(channel.isOpen()).isTrue();
            assertThat(inTable(file)).isTrue();
            FutureTask<Boolean> seen = new FutureTask<>(() -> inTable(file));
            new Thread(seen, "autre").start();
            assertThat(seen.get())
                    .as("descripteur ouvert par main, vu par l'autre thread")
                    .isTrue();
        }
        assertThat(inTable(file)).isFalse();
    }

    /** Un descripteur de la table pointe-t-il vers ce fichier ? */
    private static boolean inTable(Path file) throws IOException {
        String target = ProcessResources.shorten(file.toString());
        return ProcessResources.openFileDescriptors().stream()
                .anyMatch(line -> line.endsWith(" -> " + target));
    }
}
