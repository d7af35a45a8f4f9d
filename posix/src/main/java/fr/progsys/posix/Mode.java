package fr.progsys.posix;

/**
 * Les droits d'accès ({@code mode_t}, les bits {@code S_I*} de {@code <sys/stat.h>}),
 * comme pour un fichier : on les écrit en octal, {@code 0600} = lecture et
 * écriture pour le propriétaire seul. Le {@code umask} du processus retire
 * encore des bits au moment de la création.
 */
public final class Mode {

    public static final int S_IRUSR = 0400;
    public static final int S_IWUSR = 0200;
    public static final int S_IRGRP = 0040;
    public static final int S_IWGRP = 0020;
    public static final int S_IROTH = 0004;
    public static final int S_IWOTH = 0002;

    /** {@code 0600} : le propriétaire lit et écrit, personne d'autre. */
    public static final int OWNER_READ_WRITE = S_IRUSR | S_IWUSR;

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
