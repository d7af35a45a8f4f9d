package fr.progsys.posix;

/**
 * Les noms externes des IPC POSIX : « / » suivi d'au plus {@value #NAME_MAX}
 * caractères sans autre « / ». Le contrôle fait ici ne double pas le noyau :
 * il refuse seulement ce que le C laisserait passer en silence (un nom sans
 * « / » initial, que la glibc accepte pour shm_open et sem_open mais que
 * POSIX ne garantit pas) ou ce qui ne peut pas devenir une chaîne C (nul,
 * vide, caractère NUL). Les autres erreurs (second « / », nom trop long)
 * viennent de la libc et du noyau, avec leur errno.
 */
final class IpcName {

    /** NAME_MAX de {@code <limits.h>} sous Linux. */
    static final int NAME_MAX = 255;

    private IpcName() {
    }

    /**
     * @param libcChecksSlash vrai pour mq_open, dont la glibc refuse déjà un nom
     *        sans « / » initial (EINVAL) : on laisse alors parler la libc
     */
    static String check(String name, boolean libcChecksSlash) {
        if (name == null) {
            throw new NullPointerException("nom d'IPC nul");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("nom d'IPC « " + name.replace('\0', '?')
                    + " » : contient un caractère NUL, qui couperait la chaîne C");
        }
        if (!libcChecksSlash && (!name.startsWith("/") || name.length() < 2)) {
            throw new IllegalArgumentException("nom d'IPC « " + name
                    + " » : un nom portable est « / » suivi d'au moins un caractère,"
                    + " par exemple « /demo »");
        }
        return name;
    }

    /** Lance {@code unlink} ; faux au lieu de l'exception si le nom n'existait pas (ENOENT). */
    static boolean unlinkIfExists(Runnable unlink) {
        try {
            unlink.run();
            return true;
        } catch (PosixException e) {
            if (e.errnoName().equals("ENOENT")) {
                return false;
            }
            throw e;
        }
    }
}
