package fr.progsys.tp.chat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Les files d'une connexion TCP vues par le noyau : /proc/net/tcp et
 * /proc/net/tcp6 donnent, pour chaque socket, « tx_queue:rx_queue » (octets
 * envoyés pas encore acquittés, octets reçus pas encore lus par
 * l'application). Voir : proc(5).
 */
final class NoyauTcp {

    private NoyauTcp() {
    }

    /** Octets envoyés par la socket locale portLocal, pas encore acquittés. */
    static long enAttente(int portLocal, int portDistant) {
        return file(portLocal, portDistant, 0);
    }

    /** Octets reçus par la socket locale portLocal, pas encore lus. */
    static long nonLus(int portLocal, int portDistant) {
        return file(portLocal, portDistant, 1);
    }

    private static long file(int portLocal, int portDistant, int laquelle) {
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String l : Files.readAllLines(Path.of(table))) {
                    String[] c = l.strip().split("\\s+");
                    if (c.length < 5 || !c[1].contains(":")) {
                        continue;
                    }
                    if (port(c[1]) == portLocal && port(c[2]) == portDistant) {
                        return Long.parseLong(c[4].split(":")[laquelle], 16);
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // table absente (pas d'IPv6) : on passe à la suivante
            }
        }
        return -1; // connexion introuvable
    }

    private static int port(String adresse) {
        return Integer.parseInt(adresse.substring(adresse.indexOf(':') + 1), 16);
    }
}
