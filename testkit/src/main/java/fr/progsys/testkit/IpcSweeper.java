package fr.progsys.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Le balayeur : supprime les objets IPC du projet ({@code progsys-<pid>-…} dans
 * {@code /dev/shm} et {@code /dev/mqueue}) dont le processus créateur est mort,
 * par exemple après un build interrompu par Ctrl-C ou un {@code kill -9}.
 *
 * <p>Il n'efface jamais les objets d'un processus vivant : un autre build peut
 * tourner en même temps. Sous Linux, supprimer le fichier de {@code /dev/shm}
 * revient à {@code shm_unlink} (ou {@code sem_unlink} pour {@code sem.*}), et
 * celui de {@code /dev/mqueue} à {@code mq_unlink}.
 */
public final class IpcSweeper {

    private IpcSweeper() {
    }

    /** Balaie {@code /dev/shm} et {@code /dev/mqueue} ; rend les chemins supprimés. */
    public static List<Path> sweep() {
        return sweep(List.of(IpcSnapshot.DEV_SHM, IpcSnapshot.DEV_MQUEUE));
    }

    /** Balaie les répertoires donnés (pour les tests du balayeur lui-même). */
    public static List<Path> sweep(List<Path> dirs) {
        List<Path> removed = new ArrayList<>();
        for (Path dir : dirs) {
            for (Path p : IpcSnapshot.list(dir)) {
                long pid = IpcNames.pidOf(p.getFileName().toString());
                if (pid > 0 && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) {
                    try {
                        if (Files.deleteIfExists(p)) {
                            removed.add(p);
                        }
                    } catch (IOException e) {
                        // pas à nous (droits) ou déjà parti : on laisse
                    }
                }
            }
        }
        return removed;
    }

    /** {@code java -cp … fr.progsys.testkit.IpcSweeper} : balaie et dit ce qu'il a fait. */
    public static void main(String[] args) {
        List<Path> removed = sweep();
        System.out.println(removed.isEmpty() ? "rien à balayer"
                : removed.size() + " objet(s) abandonné(s) supprimé(s) : " + removed);
    }
}
