package fr.progsys.posix;

/**
 * Les constantes de {@code mmap} ({@code <sys/mman.h>}), valeurs Linux
 * (vérifiées contre le C par un test compilé avec gcc).
 */
public final class Mman {

    /** Pages inaccessibles. */
    public static final int PROT_NONE = 0;
    /** Pages lisibles. */
    public static final int PROT_READ = 1;
    /** Pages modifiables. */
    public static final int PROT_WRITE = 2;
    /** Pages exécutables. */
    public static final int PROT_EXEC = 4;

    /** Les écritures vont dans l'objet : les autres processus qui le projettent les voient. */
    public static final int MAP_SHARED = 1;
    /** Copie privée (copy on write) : les écritures restent dans ce processus. */
    public static final int MAP_PRIVATE = 2;

    private Mman() {
    }

    static String protToString(int prot) {
        if (prot == PROT_NONE) {
            return "PROT_NONE";
        }
        StringBuilder s = new StringBuilder();
        if ((prot & PROT_READ) != 0) {
            s.append("PROT_READ");
        }
        if ((prot & PROT_WRITE) != 0) {
            s.append(s.length() > 0 ? "|" : "").append("PROT_WRITE");
        }
        if ((prot & PROT_EXEC) != 0) {
            s.append(s.length() > 0 ? "|" : "").append("PROT_EXEC");
        }
        return s.toString();
    }

    static String flagsToString(int flags) {
        return flags == MAP_SHARED ? "MAP_SHARED"
                : flags == MAP_PRIVATE ? "MAP_PRIVATE" : String.valueOf(flags);
    }
}
