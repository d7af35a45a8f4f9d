package fr.progsys.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import fr.progsys.Example;
import fr.progsys.posix.Unistd;
import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.Snippets;

/** Lancer un exemple dans une JVM enfant et écrire sa sortie pour le livre. */
final class Examples {

    private Examples() {
    }

    /**
     * Lance {@code main} avec {@code args}, écrit la session dans
     * {@code threads/<snippet>.txt} et vérifie que rien n'est parti sur la
     * sortie d'erreur (pas d'avertissement de la JVM dans le livre).
     */
    static ChildJvm.Result capture(String snippet, Class<?> main, String... args) {
        ChildJvm.Result run = ChildJvm.run(Duration.ofSeconds(40), main, args);
        write(snippet, main, run, args);
        assertThat(run.stderr()).as("sortie d'erreur de l'exemple").isEmpty();
        return run;
    }

    /** Écrit la session d'un exemple déjà lancé. */
    static void write(String snippet, Class<?> main, ChildJvm.Result run,
            String... args) {
        Snippets.console("threads/" + snippet + ".txt",
                main.getAnnotation(Example.class).name(),
                String.join(" ", args), run.console());
    }

    /**
     * L'état d'un thread du noyau de ce processus, lu dans
     * /proc/self/task/TID/stat : R (prêt ou en cours), S (endormi)…
     */
    static char kernelState(long tid) {
        try {
            String stat = Files.readString(
                    Path.of("/proc/self/task/" + tid + "/stat"));
            // « tid (nom) S … » : le nom peut contenir des espaces
            return stat.charAt(stat.lastIndexOf(')') + 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Un appel bloquant qui peut être interrompu. */
    interface Blocking {
        void run() throws InterruptedException;
    }

    /**
     * Une routine qui fait {@code call} ; interrompue, elle remet le drapeau
     * d'interruption et s'arrête.
     */
    static Runnable routine(Blocking call) {
        return () -> {
            try {
                call.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** Le TID du thread appelant. */
    static long tid() {
        return Unistd.gettid();
    }
}
