package fr.progsys.posix;

/**
 * Les droits d'accès ({@code mode_t}, les bits {@code S_I*} de {@code <sys/stat.h>}),
 * comme pour un fichier : on les écrit en octal, {@code 0600} = lecture et
 * écriture pour le propriétaire seul. Le {@code umask} du processus retire
 * encore des bits au moment de la création.
 *
 * <p>Le cours écrit les modes en octal ({@code 0600}), comme le C des
 * diapositives et des jumeaux C : aucune constante {@code S_IRUSR}… ici, pour
 * qu'il n'y ait qu'une façon de les écrire.
 */
public final class Mode {

    private Mode() {
    }

    /** Vérifie un mode : seuls les 9 bits de droits (0 à 0777) ont un sens ici. */
    static int check(int mode) {
        if (mode < 0 || mode > 0777) {
            throw new IllegalArgumentException("mode hors de 0…0777 : 0"
                    + Integer.toOctalString(mode));
        }
        return mode;
    }

    /** Écrit un mode en octal, comme en C : {@code 0600}. */
    public static String toString(int mode) {
        return "0" + Integer.toOctalString(mode);
    }
}
