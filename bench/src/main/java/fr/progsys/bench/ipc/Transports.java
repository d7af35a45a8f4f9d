package fr.progsys.bench.ipc;

import java.io.IOException;
import java.util.List;

/** Choisit le transport par son nom court (celui du tableau et du jumeau C). */
final class Transports {

    private Transports() {
    }

    static Extremite preparer(String transport) throws IOException {
        return switch (transport) {
            case "unix" -> Sockets.unix();
            case "tcp" -> Sockets.tcp();
            case "udp" -> Sockets.udp();
            case "mq" -> Posix.mq();
            case "shm" -> Posix.shm();
            default -> throw new IllegalArgumentException("transport inconnu : " + transport);
        };
    }

    static Canal rejoindre(String transport, List<String> adresse) throws IOException {
        return switch (transport) {
            case "unix" -> Sockets.rejoindreUnix(adresse.get(0));
            case "tcp" -> Sockets.rejoindreTcp(adresse.get(0));
            case "udp" -> Sockets.rejoindreUdp(adresse.get(0));
            case "mq" -> Posix.rejoindreMq(adresse);
            case "shm" -> Posix.rejoindreShm(adresse);
            default -> throw new IllegalArgumentException("transport inconnu : " + transport);
        };
    }
}
