package fr.progsys.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import fr.progsys.posix.Unistd;
import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.Snippets;
import fr.progsys.testkit.Tools;


/**
 * Ce dont les tests du chapitre threads ont besoin : l'état noyau d'un thread,
 * son TID, une routine interruptible. (Les sorties des exemples s'écrivent
 * par {@code Snippets.capture}.)
 */
final class ThreadsTestSupport {

    private ThreadsTestSupport() {
    }

    /**
     * Le jumeau C {@code src/main/c/threads/<cFile>} : compilé par gcc (le
     * test est ignoré, avec sa raison, sans gcc), lancé ({@code timeout} au
     * plus), code de sortie 0 exigé ; sa sortie est écrite pour le livre sous
     * {@code snippet}, précédée de la commande.
     */
    static ChildJvm.Result runCTwin(Path dir, String cFile, Duration timeout,
            String snippet) {
        Tools.require("gcc");
        String name = cFile.replace(".c", "");
        Path exe = Tools.gcc(Path.of(System.getProperty("progsys.basedir", "."),
                "src/main/c/threads", cFile), dir.resolve(name));
        ChildJvm.Result c = ChildJvm.run(timeout, List.of(exe.toString()));
        assertThat(c.exitCode()).as(c.console()).isZero();
        Snippets.write(snippet, "$ ./" + name + "\n" + c.stdout());
        return c;
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
