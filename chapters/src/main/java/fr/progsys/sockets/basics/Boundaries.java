package fr.progsys.sockets.basics;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import fr.progsys.Example;

/**
 * SOCK_DGRAM garde les frontières des messages : trois envois, trois
 * réceptions. SOCK_STREAM ne les garde pas : trois write peuvent revenir en
 * un seul read, collés.
 */
@Example(name = "sockets.basics.boundaries", slides = {"S03"},
        value = "UDP garde les frontières des messages, TCP non")
public final class Boundaries {

    static final String[] WORDS = {"un", "deux", "trois"};

    private Boundaries() {
    }

    // tag::udp[]
    /** Trois datagrammes envoyés : ce que rend chaque réception. */
    static List<String> udp() throws IOException {
        InetSocketAddress loopback =
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        List<String> received = new ArrayList<>();
        try (DatagramChannel a = DatagramChannel.open(StandardProtocolFamily.INET);
                DatagramChannel b =
                        DatagramChannel.open(StandardProtocolFamily.INET)) {
            b.bind(loopback);
            for (String w : WORDS) {
                a.send(ByteBuffer.wrap(w.getBytes(StandardCharsets.UTF_8)),
                        b.getLocalAddress());
            }
            for (int i = 0; i < WORDS.length; i++) {
                ByteBuffer in = ByteBuffer.allocate(100);
                b.receive(in); // un datagramme entier, jamais plus
                received.add(new String(in.array(), 0, in.position(),
                        StandardCharsets.UTF_8));
            }
        }
        return received;
    }
    // end::udp[]

    // tag::tcp[]
    /** Trois write, puis un seul read quand tout est arrivé. */
    static String tcp() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1,
                InetAddress.getLoopbackAddress());
                Socket writer = new Socket(server.getInetAddress(),
                        server.getLocalPort());
                Socket reader = server.accept()) {
            for (String w : WORDS) {
                writer.getOutputStream().write(
                        w.getBytes(StandardCharsets.UTF_8));
            }
            int total = String.join("", WORDS).length();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (reader.getInputStream().available() < total
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait(); // attendre que tout soit arrivé
            }
            byte[] buffer = new byte[100];
            int n = reader.getInputStream().read(buffer); // un seul read
            return new String(buffer, 0, n, StandardCharsets.UTF_8);
        }
    }
    // end::tcp[]

    public static void main(String[] args) throws IOException {
        System.out.println("UDP, une réception par datagramme : " + udp());
        System.out.println("TCP, un seul read : « " + tcp() + " »");
    }
}
