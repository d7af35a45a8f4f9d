package fr.progsys.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import fr.progsys.CTwins;
import fr.progsys.posix.NamedSemaphore;
import fr.progsys.posix.Platform;
import fr.progsys.posix.SharedMemory;
import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.IpcHygiene;
import fr.progsys.testkit.IpcNames;
import fr.progsys.testkit.Snippets;
import fr.progsys.testkit.Tools;

/**
 * Ce que le support de cours écrit en C, confronté à gcc et aux en-têtes de la
 * machine : les vrais prototypes compilent, ceux du support sont refusés ; et
 * l'option {@code -lrt} n'est plus nécessaire depuis la glibc 2.34.
 */
@DisplayName("I01, I05, I07, I14, I15 : noms, prototypes et édition de liens du C, vérifiés par gcc")
@ExtendWith(IpcHygiene.class)
class IpcPrototypesTest {

    private static final Duration T = Duration.ofSeconds(60);

    private static Path source(String cFile) {
        return CTwins.source("ipc/" + cFile);
    }

    private static void needGcc() {
        IpcTestSupport.linux();
        if (!Tools.has("gcc")) {
            System.out.println("test sauté : gcc absent");
        }
        assumeTrue(Tools.has("gcc"), "gcc absent : les prototypes ne sont pas vérifiés");
    }

    private static ChildJvm.Result gcc(Path exe, Path source, String... options) {
        List<String> cmd = new ArrayList<>(List.of("gcc", "-std=c11", "-D_GNU_SOURCE",
                "-Wall", "-Wextra", "-Werror"));
        cmd.addAll(List.of(options));
        cmd.addAll(List.of("-o", exe.toString(), source.toString()));
        return ChildJvm.run(T, cmd);
    }

    @Test
    @DisplayName("I14, I15 : les vrais prototypes (int sem_wait(sem_t *), int sem_close(sem_t *), int sem_unlink(const char *), ssize_t mq_receive…) sont ceux des en-têtes")
    void realPrototypesMatchTheHeaders(@TempDir Path dir) {
        needGcc();
        Path exe = dir.resolve("prototypes");
        ChildJvm.Result c = gcc(exe, source("prototypes.c"));
        assertThat(c.exitCode()).as(c.console()).isZero();
        assertThat(ChildJvm.run(T, List.of(exe.toString())).stdout())
                .contains("prototypes conformes");
    }

    @Test
    @DisplayName("I05, I07, I14, I15 (précision) : struct mqattr, mq_received, int mq_receive, sem_t *sem_close, sem_unlink(nom, flags) du support sont refusés par gcc")
    void slidePrototypesAreRefused(@TempDir Path dir) {
        needGcc();
        // option -D → ce que gcc doit dire (la fonction, sans les guillemets,
        // qui changent avec la locale)
        Map<String, List<String>> expected = Map.of(
                "SUPPORT_SEM_CLOSE", List.of("conflicting types for", "sem_close"),
                "SUPPORT_SEM_UNLINK", List.of("conflicting types for", "sem_unlink"),
                "SUPPORT_MQATTR", List.of("conflicting types for", "mq_getattr"),
                "SUPPORT_MQ_RECEIVE_INT", List.of("conflicting types for", "mq_receive"),
                "SUPPORT_MQ_RECEIVED", List.of("undefined reference to", "mq_received"));
        StringBuilder shown = new StringBuilder();
        expected.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ChildJvm.Result c = gcc(dir.resolve("support"), source("prototypes.c"),
                    "-D" + e.getKey());
            assertThat(c.exitCode()).as(e.getKey()).isNotZero();
            String what = e.getValue().get(0);
            assertThat(c.stderr().lines().filter(l -> l.contains(what)))
                    .as(e.getKey() + " :\n" + c.stderr())
                    .anyMatch(l -> l.contains(e.getValue().get(1)));
            String line = c.stderr().lines()
                    .filter(l -> l.contains("error") || l.contains("undefined"))
                    .findFirst().orElse("");
            shown.append("-D").append(e.getKey()).append(" : ")
                    .append(line.replaceAll("^.*?(error|undefined)", "$1")).append('\n');
        });
        System.out.print(shown);
    }

    @Test
    @DisplayName("I01 (précision) : depuis la glibc 2.34, les jumeaux C se lient sans -lrt ni -pthread, les fonctions viennent de libc.so.6")
    void twinsLinkWithoutLrtSinceGlibc234(@TempDir Path dir) {
        needGcc();
        String version = Platform.libcVersion();
        if (Platform.libcRelease() < 234) {
            System.out.println("test sauté : glibc " + version + " < 2.34, -lrt y est nécessaire");
        }
        assumeTrue(Platform.libcRelease() >= 234, "glibc " + version
                + " < 2.34 : librt n'est pas encore fusionnée dans la libc");
        StringBuilder book = new StringBuilder("# glibc " + version + "\n");
        for (String twin : List.of("sem_counter.c", "mq_producer.c", "shm_reader.c")) {
            Path exe = dir.resolve(twin.replace(".c", ""));
            ChildJvm.Result c = gcc(exe, source(twin)); // ni -lrt ni -pthread
            assertThat(c.exitCode()).as(twin + " :\n" + c.console()).isZero();
            ChildJvm.Result needed = ChildJvm.run(T, List.of("readelf", "-d", exe.toString()));
            assertThat(needed.stdout()).contains("[libc.so.6]").doesNotContain("librt")
                    .doesNotContain("libpthread");
            if (twin.equals("sem_counter.c")) {
                book.append("$ gcc -o sem_counter sem_counter.c\n")
                        .append("$ readelf -d sem_counter | grep NEEDED\n");
                needed.stdout().lines().filter(l -> l.contains("NEEDED"))
                        .forEach(l -> book.append(l.strip().replaceAll(" +", " ")).append('\n'));
                ChildJvm.Result syms = ChildJvm.run(T, List.of("readelf", "--dyn-syms", "-W",
                        exe.toString()));
                book.append("$ readelf --dyn-syms sem_counter | grep -o 's[eh]m_open@[^ ]*'\n");
                syms.stdout().lines().filter(l -> l.matches(".*s[eh]m_open@.*"))
                        .map(l -> l.replaceAll(".*(s[eh]m_open@\\S+).*", "$1"))
                        .forEach(l -> book.append(l).append('\n'));
                assertThat(syms.stdout()).containsPattern("sem_open@GLIBC_2\\.3[4-9]");
                // et le programme marche : dix incréments sous le sémaphore
                String name = IpcNames.unique("lrt");
                try {
                    ChildJvm.Result run = ChildJvm.run(T, List.of(exe.toString(), name, "10"));
                    assertThat(run.stdout()).contains("compteur = 10");
                    book.append("$ ./sem_counter ").append(name).append(" 10\n")
                            .append(run.stdout());
                } finally {
                    SharedMemory.unlinkIfExists(name);
                    NamedSemaphore.unlinkIfExists(name);
                }
            }
        }
        Snippets.write("ipc/sans-lrt.txt", book.toString());
        System.out.print(book);
    }
}
