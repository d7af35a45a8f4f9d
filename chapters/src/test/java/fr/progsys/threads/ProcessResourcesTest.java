package fr.progsys.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.progsys.posix.Unistd;
import fr.progsys.testkit.ChildJvm;

@DisplayName("T01 : les ressources d'un processus")
class ProcessResourcesTest {

    @Test
    @DisplayName("l'enfant a son PID, son parent est la JVM de test, il hérite"
            + " du propriétaire, du répertoire et des tubes 0, 1, 2")
    void childReportsItsIdentityAndInheritedResources() {
        ChildJvm.Result run;
        long pid;
        try (ChildJvm child = ChildJvm.start(ProcessResources.class)) {
            pid = child.pid();
            run = child.awaitExit(Duration.ofSeconds(30));
        }
        Examples.write("resources", ProcessResources.class, run);
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
    @DisplayName("ouvrir un fichier ajoute un descripteur à la table, le fermer l'en retire")
    void openingAFileAddsADescriptor(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        String target = ProcessResources.shorten(file.toString());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            assertThat(channel.isOpen()).isTrue();
            assertThat(ProcessResources.openFileDescriptors())
                    .anyMatch(line -> line.endsWith(" -> " + target));
        }
        assertThat(ProcessResources.openFileDescriptors())
                .noneMatch(line -> line.endsWith(" -> " + target));
    }

    @Test
    @DisplayName("tous les threads voient la même table de descripteurs")
    void allThreadsShareTheDescriptorTable(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("commun.txt"), "x");
        String target = ProcessResources.shorten(file.toString());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            assertThat(channel.isOpen()).isTrue();
            boolean[] seen = new boolean[1];
            Thread other = new Thread(() -> {
                try {
                    seen[0] = ProcessResources.openFileDescriptors().stream()
                            .anyMatch(line -> line.endsWith(" -> " + target));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            other.start();
            other.join();
            assertThat(seen[0]).as("descripteur ouvert par main, vu par l'autre thread")
                    .isTrue();
        }
    }
}
