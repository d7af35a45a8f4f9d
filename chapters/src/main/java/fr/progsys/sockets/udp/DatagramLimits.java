package fr.progsys.sockets.udp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

import fr.progsys.Example;

/**
 * La taille maximale d'un datagramme UDP sur IPv4 : 65 535 octets pour tout
 * le paquet IP, moins 20 d'en-tête IP et 8 d'en-tête UDP, soit 65 507 octets
 * de données. Un octet de plus et sendto échoue (EMSGSIZE).
 */
@Example(name = "sockets.udp.limits", slides = {"S12"},
        value = "UDP : 65 507 octets passent, 65 508 non (EMSGSIZE)")
public final class DatagramLimits {

    // tag::limit[]
    /** 65 535 − 20 (en-tête IPv4) − 8 (en-tête UDP). */
    public static final int MAX_UDP_IPV4 = 65_535 - 20 - 8;
    // end::limit[]

    private DatagramLimits() {
    }

    // tag::send[]
    /** Envoie {@code size} octets en un datagramme ; rend la taille reçue. */
    static int sendOne(int size) throws IOException {
        InetSocketAddress loopback =
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (DatagramChannel receiver =
                        DatagramChannel.open(StandardProtocolFamily.INET);
                DatagramChannel sender =
                        DatagramChannel.open(StandardProtocolFamily.INET)) {
            receiver.bind(loopback);
            ByteBuffer data = ByteBuffer.allocate(size);
            // sendto : tout ou rien, un datagramme n'est jamais coupé
            sender.send(data, receiver.getLocalAddress());
            ByteBuffer in = ByteBuffer.allocate(70_000);
            receiver.receive(in); // le datagramme est déjà là (boucle locale)
            return in.position();
        }
    }
    // end::send[]

    // tag::main[]
    public static void main(String[] args) throws IOException {
        for (int size : new int[] {9_000, MAX_UDP_IPV4, MAX_UDP_IPV4 + 1}) {
            try {
                System.out.printf("%d octets envoyés, %d reçus%n",
                        size, sendOne(size));
            } catch (IOException e) { // EMSGSIZE
                System.out.printf("%d octets : refusé (%s)%n",
                        size, e.getMessage());
            }
        }
    }
    // end::main[]
}
