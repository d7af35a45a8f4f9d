package fr.progsys.bench.ipc;

import java.io.EOFException;
import java.io.IOException;
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

/**
 * Les trois transports par sockets du JDK (NIO bloquant) : AF_UNIX, TCP, UDP.
 *
 * <p>TCP et UDP sont ouverts en {@link StandardProtocolFamily#INET}, comme
 * {@code socket(AF_INET, …)} du jumeau C : sans famille, le JDK ouvre une
 * socket AF_INET6 « double pile » ({@code IPV6_V6ONLY} à 0), qui parle à
 * 127.0.0.1 par l'adresse IPv4 projetée {@code ::ffff:127.0.0.1} et passe
 * par la couche IPv6 du noyau avant de rejoindre celle d'IPv4.
 */
final class Sockets {

    private Sockets() {
    }

    /**
     * 127.0.0.1, le {@code INADDR_LOOPBACK} du jumeau C : une adresse IPv4
     * écrite en chiffres, que le JDK ne résout pas par le DNS.
     */
    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress("127.0.0.1", port);
    }

    /** Flux (AF_UNIX ou TCP) : write jusqu'au bout, read jusqu'à avoir tout le message. */
    record StreamLink(SocketChannel channel, Path toDelete) implements Link {

        @Override
        public void send(ByteBuffer m) throws IOException {
            while (m.hasRemaining()) {
                channel.write(m);
            }
        }

        @Override
        public void receive(ByteBuffer m) throws IOException {
            while (m.hasRemaining()) {
                if (channel.read(m) < 0) {
                    throw new EOFException("l'autre processus a fermé la connexion");
                }
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
            if (toDelete != null) {
                Files.deleteIfExists(toDelete);
                Files.deleteIfExists(toDelete.getParent());
            }
        }
    }

    /** Datagrammes (UDP) : un message = un datagramme, connecté à l'autre bout. */
    record DatagramLink(DatagramChannel channel) implements Link {

        @Override
        public void send(ByteBuffer m) throws IOException {
            channel.write(m);
        }

        @Override
        public void receive(ByteBuffer m) throws IOException {
            int expected = m.remaining();
            int read = channel.read(m);
            if (read != expected) {
                throw new IOException("datagramme de " + read + " octets, " + expected
                        + " attendus");
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    static Endpoint unix() throws IOException {
        Path dir = Files.createTempDirectory("progsys-bench");
        Path path = dir.resolve("s.sock");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        return listening(server, path.toString(), path, false);
    }

    /** Un seul accept sur {@code server}, puis il est fermé ; l'autre bout a l'adresse. */
    private static Endpoint listening(ServerSocketChannel server, String address,
            Path toDelete, boolean noDelay) {
        return new Endpoint() {
            @Override
            public List<String> address() {
                return List.of(address);
            }

            @Override
            public Link accept() throws IOException {
                try (server) {
                    SocketChannel s = server.accept();
                    if (noDelay) {
                        // TCP_NODELAY : un petit message part tout de suite (pas de Nagle).
                        s.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    }
                    return new StreamLink(s, toDelete);
                }
            }
        };
    }

    static Endpoint tcp() throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET);
        server.bind(loopback(0));
        int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
        return listening(server, Integer.toString(port), null, true);
    }

    static Endpoint udp() throws IOException {
        DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        channel.bind(loopback(0));
        int port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
        return new Endpoint() {
            @Override
            public List<String> address() {
                return List.of(Integer.toString(port));
            }

            @Override
            public Link accept() throws IOException {
                // Le premier datagramme (« bonjour ») dit d'où parle l'autre processus.
                SocketAddress peer = channel.receive(ByteBuffer.allocate(1));
                channel.connect(peer);
                return new DatagramLink(channel);
            }
        };
    }

    static Link joinUnix(String path) throws IOException {
        SocketChannel s = SocketChannel.open(StandardProtocolFamily.UNIX);
        s.connect(UnixDomainSocketAddress.of(path));
        return new StreamLink(s, null);
    }

    static Link joinTcp(String port) throws IOException {
        SocketChannel s = SocketChannel.open(StandardProtocolFamily.INET);
        s.connect(loopback(Integer.parseInt(port)));
        s.setOption(StandardSocketOptions.TCP_NODELAY, true);
        return new StreamLink(s, null);
    }

    static Link joinUdp(String port) throws IOException {
        DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        channel.bind(loopback(0));
        channel.connect(loopback(Integer.parseInt(port)));
        channel.write(ByteBuffer.wrap(new byte[] {1}));
        return new DatagramLink(channel);
    }
}
