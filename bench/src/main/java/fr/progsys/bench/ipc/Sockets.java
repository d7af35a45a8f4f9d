package fr.progsys.bench.ipc;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Les trois transports par sockets du JDK (NIO bloquant) : AF_UNIX, TCP, UDP. */
final class Sockets {

    private Sockets() {
    }

    /** Flux (AF_UNIX ou TCP) : write jusqu'au bout, read jusqu'à avoir tout le message. */
    record Flux(SocketChannel canal, Path aEffacer) implements Canal {

        @Override
        public void envoyer(ByteBuffer m) throws IOException {
            while (m.hasRemaining()) {
                canal.write(m);
            }
        }

        @Override
        public void recevoir(ByteBuffer m) throws IOException {
            while (m.hasRemaining()) {
                if (canal.read(m) < 0) {
                    throw new EOFException("l'autre processus a fermé la connexion");
                }
            }
        }

        @Override
        public void close() throws IOException {
            canal.close();
            if (aEffacer != null) {
                Files.deleteIfExists(aEffacer);
                Files.deleteIfExists(aEffacer.getParent());
            }
        }
    }

    /** Datagrammes (UDP) : un message = un datagramme, connecté à l'autre bout. */
    record Datagrammes(DatagramChannel canal) implements Canal {

        @Override
        public void envoyer(ByteBuffer m) throws IOException {
            canal.write(m);
        }

        @Override
        public void recevoir(ByteBuffer m) throws IOException {
            int attendu = m.remaining();
            int lu = canal.read(m);
            if (lu != attendu) {
                throw new IOException("datagramme de " + lu + " octets, " + attendu + " attendus");
            }
        }

        @Override
        public void close() throws IOException {
            canal.close();
        }
    }

    static Extremite unix() throws IOException {
        Path dossier = Files.createTempDirectory("progsys-bench");
        Path chemin = dossier.resolve("s.sock");
        ServerSocketChannel serveur = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        serveur.bind(UnixDomainSocketAddress.of(chemin));
        return ecoute(serveur, chemin.toString(), chemin, false);
    }

    /** Un seul accept sur {@code serveur}, puis il est fermé ; l'autre bout a l'adresse. */
    private static Extremite ecoute(ServerSocketChannel serveur, String adresse,
            Path aEffacer, boolean sansNagle) {
        return new Extremite() {
            @Override
            public List<String> adresse() {
                return List.of(adresse);
            }

            @Override
            public Canal accepter() throws IOException {
                try (serveur) {
                    SocketChannel s = serveur.accept();
                    if (sansNagle) {
                        // TCP_NODELAY : un petit message part tout de suite (pas de Nagle).
                        s.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    }
                    return new Flux(s, aEffacer);
                }
            }
        };
    }

    static Extremite tcp() throws IOException {
        ServerSocketChannel serveur = ServerSocketChannel.open();
        serveur.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        int port = ((InetSocketAddress) serveur.getLocalAddress()).getPort();
        return ecoute(serveur, Integer.toString(port), null, true);
    }

    static Extremite udp() throws IOException {
        DatagramChannel canal = DatagramChannel.open();
        canal.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        int port = ((InetSocketAddress) canal.getLocalAddress()).getPort();
        return new Extremite() {
            @Override
            public List<String> adresse() {
                return List.of(Integer.toString(port));
            }

            @Override
            public Canal accepter() throws IOException {
                // Le premier datagramme (« bonjour ») dit d'où parle l'autre processus.
                SocketAddress autre = canal.receive(ByteBuffer.allocate(1));
                canal.connect(autre);
                return new Datagrammes(canal);
            }
        };
    }

    static Canal rejoindreUnix(String chemin) throws IOException {
        SocketChannel s = SocketChannel.open(StandardProtocolFamily.UNIX);
        s.connect(UnixDomainSocketAddress.of(chemin));
        return new Flux(s, null);
    }

    static Canal rejoindreTcp(String port) throws IOException {
        SocketChannel s = SocketChannel.open(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(port)));
        s.setOption(StandardSocketOptions.TCP_NODELAY, true);
        return new Flux(s, null);
    }

    static Canal rejoindreUdp(String port) throws IOException {
        DatagramChannel canal = DatagramChannel.open();
        canal.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        canal.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(port)));
        canal.write(ByteBuffer.wrap(new byte[] {1}));
        return new Datagrammes(canal);
    }
}
