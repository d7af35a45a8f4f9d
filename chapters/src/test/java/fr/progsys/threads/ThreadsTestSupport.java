package fr.progsys.threads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import fr.progsys.posix.Unistd;


/**
 * Ce dont les tests du chapitre threads ont besoin : l'état noyau d'un thread,
 * son TID, une routine interruptible. (Les sorties des exemples s'écrivent
 * par {@code Snippets.capture}.)
 */
final class ThreadsTestSupport {

    private ThreadsTestSupport() {
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
