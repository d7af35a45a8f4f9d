package fr.progsys.tp.tampon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import fr.progsys.testkit.ChildJvm;

/**
 * Voir, de l'extérieur, où un processus enfant est bloqué : dans l'appel
 * système futex (celui de sem_wait), sur le mot d'un sémaphore nommé précis.
 * Linux publie l'appel en cours d'un thread dans /proc/PID/task/TID/syscall
 * (numéro puis arguments, le premier étant l'adresse du mot futex) et les
 * projections du processus dans /proc/PID/maps (un sémaphore nommé est le
 * fichier /dev/shm/sem.NOM projeté). Voir : proc(5), futex(2), sem_overview(7).
 */
final class Sondage {

    /** Le numéro de futex(2) selon l'architecture (x86_64, aarch64). */
    private static final String FUTEX = System.getProperty("os.arch")
            .contains("aarch64") ? "98" : "202";

    private Sondage() {
    }

    /** Le TID annoncé par l'enfant (ligne « tid N »). */
    static long tid(ChildJvm enfant, java.time.Duration delai) {
        return Long.parseLong(enfant.awaitLine("tid ", delai).strip()
                .substring(4));
    }

    /** Le TID du thread qui appelle (lu dans /proc/thread-self). */
    static long monTid() {
        try {
            Path p = Files.readSymbolicLink(Path.of("/proc/thread-self"));
            return Long.parseLong(p.getFileName().toString());
        } catch (IOException e) {
            return -1;
        }
    }

    /** Vrai si le thread tid du processus pid dort dans sem_wait sur nomSem. */
    static boolean bloqueSur(long pid, long tid, String nomSem) {
        try {
            String[] appel = Files.readString(Path.of("/proc/" + pid + "/task/"
                    + tid + "/syscall")).strip().split(" ");
            if (appel.length < 2 || !appel[0].equals(FUTEX)) {
                return false;
            }
            long mot = Long.parseUnsignedLong(appel[1].substring(2), 16);
            String fichier = "/dev/shm/sem." + nomSem.substring(1);
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/maps"))) {
                if (l.contains(fichier)) {
                    String[] bornes = l.substring(0, l.indexOf(' ')).split("-");
                    long de = Long.parseUnsignedLong(bornes[0], 16);
                    long a = Long.parseUnsignedLong(bornes[1], 16);
                    if (Long.compareUnsigned(mot, de) >= 0
                            && Long.compareUnsigned(mot, a) < 0) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false; // processus fini, ou /proc illisible
        }
    }
}
