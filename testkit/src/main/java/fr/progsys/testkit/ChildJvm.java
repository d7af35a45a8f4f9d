package fr.progsys.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Une JVM enfant : un vrai processus séparé, lancé avec le même {@code java},
 * le même class path et les mêmes drapeaux d'accès natif que la JVM de test.
 *
 * <p>Toujours détruite : {@link #close()} tue le processus et ses descendants
 * s'il tourne encore, et {@link #run} le fait aussi en cas de dépassement.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Pump out;
    private final Pump err;
    private final List<String> command;

    private ChildJvm(List<String> command, Process process) {
        this.command = command;
        this.process = process;
        this.out = new Pump(process.getInputStream(), "stdout " + process.pid());
        this.err = new Pump(process.getErrorStream(), "stderr " + process.pid());
    }

    /** La ligne de commande qui lance {@code main} dans une JVM neuve. */
    public static List<String> command(Class<?> main, String... args) {
        return command(main.getName(), List.of(), args);
    }

    /**
     * Idem, avec des options JVM en plus (par exemple {@code -Dx=y}). Les
     * tests veulent une JVM qui démarre vite : compilateur C1 seulement
     * ({@code -XX:TieredStopAtLevel=1}), ce qui fausserait une mesure.
     */
    public static List<String> command(String mainClass, List<String> jvmOptions,
            String... args) {
        List<String> options = new ArrayList<>(List.of("-Xshare:auto",
                "-XX:TieredStopAtLevel=1"));
        options.addAll(jvmOptions);
        return command(mainClass, System.getProperty("java.class.path"), options,
                List.of(args));
    }

    /**
     * Idem, avec un autre class path que celui de cette JVM (le correcteur
     * des TP y met les classes compilées d'un étudiant).
     */
    public static List<String> command(String mainClass, String classPath,
            List<String> jvmOptions, String... args) {
        List<String> options = new ArrayList<>(List.of("-Xshare:auto",
                "-XX:TieredStopAtLevel=1"));
        options.addAll(jvmOptions);
        return command(mainClass, classPath, options, List.of(args));
    }

    /**
     * La ligne de commande d'une JVM de mesure (module bench) : mêmes class
     * path et drapeaux natifs, mais la compilation JIT complète (C2), celle
     * d'un programme en production.
     */
    public static List<String> measurementCommand(Class<?> main, List<String> jvmOptions,
            String... args) {
        return command(main.getName(), System.getProperty("java.class.path"), jvmOptions,
                List.of(args));
    }

    private static List<String> command(String mainClass, String classPath,
            List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (option.startsWith("--enable-native-access")
                    || option.startsWith("--sun-misc-unsafe-memory-access")) {
                cmd.add(option);
            }
        }
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-Dstdout.encoding=UTF-8");
        cmd.add("-Dstderr.encoding=UTF-8");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /** Démarre {@code main} dans une JVM enfant ; à fermer par try-with-resources. */
    public static ChildJvm start(Class<?> main, String... args) {
        return start(command(main, args));
    }

    /** Démarre une commande quelconque (programme C, strace…) sous la même surveillance. */
    public static ChildJvm start(List<String> command) {
        try {
            return new ChildJvm(command, new ProcessBuilder(command).start());
        } catch (IOException e) {
            throw new UncheckedIOException("impossible de lancer " + command, e);
        }
    }

    /** Lance {@code main}, attend sa fin (au plus {@code timeout}) et rend ses sorties. */
    public static Result run(Duration timeout, Class<?> main, String... args) {
        return run(timeout, command(main, args));
    }

    /** Lance une commande, attend sa fin (au plus {@code timeout}) et rend ses sorties. */
    public static Result run(Duration timeout, List<String> command) {
        try (ChildJvm child = start(command)) {
            return child.awaitExit(timeout);
        }
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    /** Écrit une ligne sur l'entrée standard de l'enfant. */
    public void send(String line) {
        try {
            Writer w = new OutputStreamWriter(process.getOutputStream(),
                    StandardCharsets.UTF_8);
            w.write(line + "\n");
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ferme l'entrée standard de l'enfant (il lit alors la fin de fichier). */
    public void closeStdin() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Attend qu'une ligne de la sortie standard satisfasse {@code test} et la rend. */
    public String awaitLine(Predicate<String> test, Duration timeout) {
        return out.await(test, timeout, this);
    }

    /** Attend une ligne qui contient {@code text}. */
    public String awaitLine(String text, Duration timeout) {
        return awaitLine(l -> l.contains(text), timeout);
    }

    /** Attend la fin de l'enfant ; le tue et échoue s'il dépasse {@code timeout}. */
    public Result awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new AssertionError("le processus " + process.pid()
                        + " n'a pas fini en " + timeout + " : " + command
                        + "\n--- stdout ---\n" + out.text()
                        + "\n--- stderr ---\n" + err.text());
            }
            out.join();
            err.join();
            return new Result(process.exitValue(), out.text(), err.text());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new AssertionError("interrompu en attendant " + command, e);
        }
    }

    /** Ce que l'enfant a écrit jusqu'ici sur sa sortie standard. */
    public String stdout() {
        return out.text();
    }

    /** Ce que l'enfant a écrit jusqu'ici sur sa sortie d'erreur. */
    public String stderr() {
        return err.text();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Code de sortie et sorties d'un processus terminé. */
    public record Result(int exitCode, String stdout, String stderr) {

        /** Sortie standard puis sortie d'erreur, telles qu'un terminal les montrerait. */
        public String console() {
            return stdout + stderr;
        }
    }

    /** Lit un flux ligne à ligne dans un thread à lui, pour ne jamais bloquer l'enfant. */
    private static final class Pump {
        private final StringBuilder text = new StringBuilder();
        private final List<String> lines = new ArrayList<>();
        private final Thread thread;

        Pump(InputStream in, String name) {
            thread = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(
                        new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        synchronized (this) {
                            text.append(line).append('\n');
                            lines.add(line);
                            notifyAll();
                        }
                    }
                } catch (IOException e) {
                    // flux fermé par la destruction du processus
                }
            }, "pompe " + name);
            thread.setDaemon(true);
            thread.start();
        }

        synchronized String text() {
            return text.toString();
        }

        String await(Predicate<String> test, Duration timeout, ChildJvm owner) {
            long deadline = System.nanoTime() + timeout.toNanos();
            int seen = 0;
            synchronized (this) {
                while (true) {
                    for (; seen < lines.size(); seen++) {
                        if (test.test(lines.get(seen))) {
                            return lines.get(seen);
                        }
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || (!thread.isAlive())) {
                        throw new AssertionError("ligne attendue jamais vue (pid "
                                + owner.pid() + ")\n--- stdout ---\n" + text
                                + "\n--- stderr ---\n" + owner.stderr());
                    }
                    try {
                        wait(Math.max(1, Math.min(left / 1_000_000, 100)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new AssertionError("interrompu", e);
                    }
                }
            }
        }

        void join() throws InterruptedException {
            thread.join(10_000);
        }
    }
}
