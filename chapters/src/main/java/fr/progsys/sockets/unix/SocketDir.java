package fr.progsys.sockets.unix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Où ranger les fichiers de socket du domaine Unix : dans un répertoire privé
 * (droits 0700), pour que les autres utilisateurs ne puissent pas même s'y
 * connecter, et que l'on efface en partant.
 */
public final class SocketDir {

    /**
     * sun_path fait 108 octets sous Linux (104 sous BSD et macOS). Le noyau
     * y accepte 108 octets de chemin, même sans zéro final (unix(7), BUGS).
     */
    public static final int SUN_PATH_LINUX = 108;

    /**
     * Le plus long chemin que le JDK (17 comme 25) accepte de lier : dès 107
     * octets, il refuse avec « Unix domain path too long ».
     */
    public static final int MAX_PATH_JDK = 106;

    private SocketDir() {
    }

    // tag::private-dir[]
    /** Un répertoire neuf, rwx------ dès sa création (pas de course). */
    public static Path createPrivate() {
        try {
            return Files.createTempDirectory("progsys-",
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
    // end::private-dir[]

    // tag::check[]
    /** Refuse, avec un message clair, un chemin trop long pour sun_path. */
    public static Path check(Path socket) {
        int bytes = socket.toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PATH_JDK) { // la limite du JDK, pas celle du noyau
            throw new IllegalArgumentException(String.format(
                    "chemin de socket trop long : %d octets, %d au plus"
                            + " (sun_path)", bytes, MAX_PATH_JDK));
        }
        return socket;
    }
    // end::check[]

    /** Efface le fichier de socket puis son répertoire (s'il est vide). */
    public static void remove(Path socket) {
        try {
            Files.deleteIfExists(socket); // close() ne l'efface pas
            Files.deleteIfExists(socket.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
