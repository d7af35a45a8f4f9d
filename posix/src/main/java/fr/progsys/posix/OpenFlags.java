package fr.progsys.posix;

/**
 * Les options {@code O_*} de {@code <fcntl.h>}, avec les valeurs de la plateforme
 * courante (fournies par jnr-constants). On les combine comme en C :
 * {@code O_CREAT | O_EXCL | O_RDWR}.
 */
public final class OpenFlags {

    /** Lecture seule. */
    public static final int O_RDONLY = value(jnr.constants.platform.OpenFlags.O_RDONLY);
    /** Écriture seule. */
    public static final int O_WRONLY = value(jnr.constants.platform.OpenFlags.O_WRONLY);
    /** Lecture et écriture. */
    public static final int O_RDWR = value(jnr.constants.platform.OpenFlags.O_RDWR);
    /** Crée l'objet s'il n'existe pas (il faut alors un mode, et des attributs pour une file). */
    public static final int O_CREAT = value(jnr.constants.platform.OpenFlags.O_CREAT);
    /** Avec O_CREAT : échoue (EEXIST) si l'objet existe déjà. */
    public static final int O_EXCL = value(jnr.constants.platform.OpenFlags.O_EXCL);
    /** Envoi et réception non bloquants : EAGAIN au lieu d'attendre. */
    public static final int O_NONBLOCK = value(jnr.constants.platform.OpenFlags.O_NONBLOCK);
    /** Pour shm_open : remet la taille à 0 si l'objet existe. */
    public static final int O_TRUNC = value(jnr.constants.platform.OpenFlags.O_TRUNC);
    /** Le masque du mode d'accès : O_RDONLY, O_WRONLY ou O_RDWR (open(2)). */
    public static final int O_ACCMODE = value(jnr.constants.platform.OpenFlags.O_ACCMODE);

    private OpenFlags() {
    }

    private static int value(jnr.constants.platform.OpenFlags flag) {
        return flag.intValue();
    }

    /** Écrit des options comme en C, par exemple {@code O_CREAT|O_EXCL|O_RDWR}. */
    public static String toString(int oflag) {
        StringBuilder s = new StringBuilder();
        int access = oflag & O_ACCMODE;
        s.append(access == O_RDWR ? "O_RDWR" : access == O_WRONLY ? "O_WRONLY" : "O_RDONLY");
        if ((oflag & O_CREAT) != 0) {
            s.insert(0, "O_CREAT|");
        }
        if ((oflag & O_EXCL) != 0) {
            s.insert(s.indexOf("O_CREAT|") < 0 ? 0 : "O_CREAT|".length(), "O_EXCL|");
        }
        if ((oflag & O_NONBLOCK) != 0) {
            s.append("|O_NONBLOCK");
        }
        if ((oflag & O_TRUNC) != 0) {
            s.append("|O_TRUNC");
        }
        return s.toString();
    }
}
