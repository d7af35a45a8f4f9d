package fr.progsys.bench.ipc;

import java.io.IOException;
import java.util.List;

/**
 * Choisit le transport par son nom court (celui du tableau et du jumeau C).
 * {@code futex} n'a pas de côté Java : le JDK n'offre pas l'appel système
 * futex(2) (ses verrous s'en servent, mais à l'intérieur de la JVM).
 */
final class Transports {

    private Transports() {
    }

    static Endpoint prepare(String transport) throws IOException {
        return switch (transport) {
            case "unix" -> Sockets.unix();
            case "tcp" -> Sockets.tcp();
            case "udp" -> Sockets.udp();
            case "mq" -> Posix.mq();
            case "shm" -> Posix.shm();
            case "spin" -> SpinWord.prepare();
            default -> throw new IllegalArgumentException("transport inconnu : " + transport);
        };
    }

    static Link join(String transport, List<String> address) throws IOException {
        return switch (transport) {
            case "unix" -> Sockets.joinUnix(address.get(0));
            case "tcp" -> Sockets.joinTcp(address.get(0));
            case "udp" -> Sockets.joinUdp(address.get(0));
            case "mq" -> Posix.joinMq(address);
            case "shm" -> Posix.joinShm(address);
            case "spin" -> SpinWord.join(address.get(0));
            default -> throw new IllegalArgumentException("transport inconnu : " + transport);
        };
    }
}
