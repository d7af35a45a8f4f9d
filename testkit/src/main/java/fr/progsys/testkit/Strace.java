package fr.progsys.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Lance {@code main} dans une JVM enfant sous {@code strace -f} et garde les
 * appels système demandés : la preuve que le programme Java parle au noyau.
 *
 * <p>{@code -e signal=none} masque les signaux que la JVM se fait à
 * elle-même (SIGSEGV de ses pages de garde), {@code -qq} les messages
 * d'attachement et de sortie.
 */
public final class Strace {

    private Strace() {
    }

    /** Le résultat : la sortie du programme et les appels tracés (sans PID en tête). */
    public record Trace(String filter, ChildJvm.Result run, List<String> calls) {

        /**
         * Le bloc à montrer dans le livre : la commande, puis les appels tracés,
         * repliés à 80 colonnes.
         */
        public String shown(String example, String args) {
            StringBuilder s = new StringBuilder();
            s.append("$ strace -f -qq -e signal=none -e trace='").append(filter)
                    .append("' -o trace.txt \\\n")
                    .append("      java … fr.progsys.Launcher ").append(example)
                    .append(' ').append(args).append('\n')
                    .append("$ sed 's/^[0-9]* *//' trace.txt   # sans le PID en tête\n");
            for (String call : calls) {
                s.append(fold(call, 80));
            }
            return s.toString();
        }
    }

    /** {@code strace -f -qq -e signal=none -e trace=<filter> -o <file> java … main args}. */
    public static Trace run(Duration timeout, Path traceFile, String filter, Class<?> main,
            String... args) {
        List<String> cmd = new ArrayList<>(List.of("strace", "-f", "-qq", "-e", "signal=none",
                "-e", "trace=" + filter, "-o", traceFile.toString()));
        cmd.addAll(ChildJvm.command(main, args));
        ChildJvm.Result run = ChildJvm.run(timeout, cmd);
        if (run.exitCode() != 0) {
            throw new AssertionError("strace " + main.getSimpleName() + " : code "
                    + run.exitCode() + "\n" + run.console());
        }
        List<String> calls = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(traceFile, StandardCharsets.UTF_8)) {
                String call = line.replaceFirst("^\\d+ +", "");
                if (!call.startsWith("+++") && !call.startsWith("---")) {
                    calls.add(call);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Trace(filter, run, calls);
    }

    /** Replie une ligne trop longue après une virgule, suite en retrait de 4. */
    static String fold(String line, int width) {
        StringBuilder out = new StringBuilder();
        String rest = line;
        String indent = "";
        while (indent.length() + rest.length() > width) {
            int room = width - indent.length();
            int cut = rest.lastIndexOf(", ", room - 1);
            if (cut <= 0) {
                cut = room - 1;
            } else {
                cut += 1; // garder la virgule sur la première ligne
            }
            out.append(indent).append(rest, 0, cut).append('\n');
            rest = rest.substring(cut).stripLeading();
            indent = "    ";
        }
        return out.append(indent).append(rest).append('\n').toString();
    }
}
