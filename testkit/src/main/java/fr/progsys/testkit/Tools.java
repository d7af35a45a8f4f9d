package fr.progsys.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Les outils système dont certains tests ont besoin (gcc, strace, nc,
 * socat) : présence, compilation d'un programme C.
 */
public final class Tools {

    private Tools() {
    }

    /** Vrai si {@code tool} est un exécutable du PATH. */
    public static boolean has(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Saute le test, avec la raison en français, si {@code tool} n'est pas
     * dans le PATH ({@link SkipReporter} la montre, la CI la refuse).
     */
    public static void require(String tool) {
        assumeTrue(has(tool), tool + " n'est pas installé"
                + " (voir tools/install-system-tools.sh) : test sauté");
    }

    /**
     * {@code gcc -std=c11 -Wall -Wextra -Werror -o exe source… -pthread} (la
     * librt est dans la libc depuis la glibc 2.34 ; {@code -lrt} reste accepté
     * et nécessaire ailleurs). Échoue avec la sortie de gcc s'il refuse.
     */
    public static Path gcc(Path source, Path exe, String... moreSources) {
        List<String> cmd = new ArrayList<>(List.of("gcc", "-std=c11", "-D_GNU_SOURCE",
                "-Wall", "-Wextra", "-Werror", "-o", exe.toString(), source.toString()));
        cmd.addAll(List.of(moreSources));
        cmd.add("-pthread");
        cmd.add("-lrt");
        ChildJvm.Result r = ChildJvm.run(Duration.ofSeconds(60), cmd);
        if (r.exitCode() != 0) {
            throw new AssertionError("gcc a refusé " + source + " :\n" + r.console());
        }
        return exe;
    }
}
