package fr.progsys.bench.ipc;

import java.io.IOException;
import java.util.List;

/** Choisit le transport par son nom court (celui du tableau et du jumeau C). */
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
            default -> throw new IllegalArgumentException("transport inconnu : " + transport);
        };
    }

    static Link join(String transport, List<String> address) throws IOException {
        return switch (transport) {
            case "unix" -> Sockets.joinUnix(address.get(0));
            case "tcp" -> Sockets.joinTcp(address.get(0));
            case "udp" -> Sockets.joinUdp(address.get(0));
            case "mq" -> Posix.joinMq(address);
            case "shm" -> Posix.joinShm(address);
            default -> throw new IllegalArgumentException("transport inconnu : " + transport);
        };
    }
}
