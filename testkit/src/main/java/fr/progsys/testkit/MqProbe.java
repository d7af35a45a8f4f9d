package fr.progsys.testkit;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.Variadic;

/**
 * Sonde des files de messages POSIX par leur nom, pour les voir là où
 * {@code /dev/mqueue} n'est pas monté (le cas par défaut de beaucoup de
 * systèmes et de conteneurs) : {@code mq_open(nom, O_RDONLY)} réussit si la
 * file existe, échoue avec ENOENT sinon.
 *
 * <p>Le kit ne dépend pas du module {@code posix} (qui dépend de lui pour ses
 * tests) : il a donc sa propre liaison minimale, trois fonctions.
 */
final class MqProbe {

    private static final int O_RDONLY = 0;
    private static final int ENOENT = 2;

    private MqProbe() {
    }

    /** Les trois fonctions de {@code <mqueue.h>} dont la sonde a besoin. */
    public interface Rt {
        @Variadic(fixedCount = 2)
        int mq_open(String name, int oflag, int mode, Pointer attr);

        int mq_close(int mqdes);

        int mq_unlink(String name);
    }

    private static final class Holder {
        static final Rt RT = load();
        static final Runtime RUNTIME = RT == null ? null : Runtime.getRuntime(RT);

        private static Rt load() {
            if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT)
                    .startsWith("linux")) {
                return null;
            }
            try {
                return LibraryLoader.create(Rt.class).library("c").library("rt").load();
            } catch (UnsatisfiedLinkError e) {
                return LibraryLoader.create(Rt.class).library("c").load();
            }
        }
    }

    /** Vrai si la sonde peut servir (Linux, libc chargée). */
    static boolean available() {
        try {
            return Holder.RT != null;
        } catch (LinkageError e) {
            return false;
        }
    }

    /**
     * Vrai si une file de ce nom existe. Toute erreur autre que ENOENT
     * (EACCES, EMFILE…) compte comme « existe » : mieux vaut signaler une
     * fuite douteuse que la taire.
     */
    static boolean exists(String name) {
        int q = Holder.RT.mq_open(name, O_RDONLY, 0, null);
        if (q >= 0) {
            Holder.RT.mq_close(q);
            return true;
        }
        return Holder.RUNTIME.getLastError() != ENOENT;
    }

    /** {@code mq_unlink(name)} ; vrai s'il a retiré un nom. */
    static boolean unlink(String name) {
        return Holder.RT.mq_unlink(name) == 0;
    }
}
