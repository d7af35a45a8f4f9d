package fr.progsys.sockets.udp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;

import fr.progsys.Example;

/**
 * sendmsg et recvmsg : un datagramme envoyé depuis plusieurs tampons
 * (gather, l'iovec de msghdr) et reçu dans plusieurs tampons (scatter).
 * En Java, c'est {@code write(ByteBuffer[])} et {@code read(ByteBuffer[])}
 * d'un DatagramChannel connecté. Et un datagramme plus grand que le tampon
 * de réception est tronqué : le reste est perdu.
 */
@Example(name = "sockets.udp.gather", slides = {"S13", "S14"},
        value = "UDP : sendmsg/recvmsg en plusieurs tampons, troncature")
public final class GatherScatter {

    private GatherScatter() {
    }

    /** Deux sockets UDP de la boucle locale, connectées l'une à l'autre. */
    static DatagramChannel[] pair() throws IOException {
        InetSocketAddress any =
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        DatagramChannel a = DatagramChannel.open(StandardProtocolFamily.INET);
        DatagramChannel b = DatagramChannel.open(StandardProtocolFamily.INET);
        a.bind(any);
        b.bind(any);
        a.connect(b.getLocalAddress()); // fixe le destinataire de write
        b.connect(a.getLocalAddress()); // n'accepte plus que a
        return new DatagramChannel[] {a, b};
    }

    static ByteBuffer utf8(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    static String text(ByteBuffer b) {
        return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
    }

    // tag::gather[]
    static void gatherThenScatter(DatagramChannel a, DatagramChannel b)
            throws IOException {
        ByteBuffer hello = utf8("bonjour ");
        ByteBuffer udp = utf8("UDP");
        ByteBuffer header = ByteBuffer.allocate(4) // longueur du corps,
                .putInt(0, hello.remaining() + udp.remaining()); // gros-boutiste
        ByteBuffer[] parts = {header, hello, udp};
        long sent = a.write(parts); // sendmsg : UN seul datagramme
        ByteBuffer h = ByteBuffer.allocate(4);
        ByteBuffer body = ByteBuffer.allocate(64);
        long got = b.read(new ByteBuffer[] {h, body}); // recvmsg
        System.out.printf("envoyé %d octets en 3 tampons, reçu %d%n",
                sent, got);
        System.out.printf("en-tête : %d, corps : « %s »%n",
                h.getInt(0), text(body));
    }
    // end::gather[]

    // tag::truncate[]
    static void truncation(DatagramChannel a, DatagramChannel b)
            throws IOException {
        a.write(utf8("un datagramme de quarante octets, voilà"));
        a.write(utf8("le suivant"));
        ByteBuffer small = ByteBuffer.allocate(16);
        b.read(small); // ce qui dépasse de 16 octets est perdu
        System.out.printf("tampon de 16 : « %s »%n", text(small));
        ByteBuffer next = ByteBuffer.allocate(64);
        b.read(next); // la lecture suivante donne le datagramme suivant
        System.out.printf("lecture suivante : « %s »%n", text(next));
    }
    // end::truncate[]

    public static void main(String[] args) throws IOException {
        DatagramChannel[] ab = pair();
        try (DatagramChannel a = ab[0]; DatagramChannel b = ab[1]) {
            gatherThenScatter(a, b);
            truncation(a, b);
        }
    }
}
