package fr.progsys.sockets.basics;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;

import fr.progsys.Example;

/**
 * Un struct sockaddr_in octet par octet, tel que Linux l'attend : famille
 * (2 octets, ordre de la machine), port et adresse dans l'ordre du réseau
 * (gros-boutiste, le rôle de htons et htonl), puis 8 octets nuls. Pas de
 * sin_len sous Linux : ce champ n'existe que sous BSD et macOS.
 */
@Example(name = "sockets.basics.sockaddr", slides = {"S07", "S09"},
        value = "sockaddr_in et l'ordre réseau des octets (htons, htonl)")
public final class SockaddrIn {

    static final short AF_INET = 2;

    private SockaddrIn() {
    }

    // tag::layout[]
    /** Les 16 octets d'un sockaddr_in Linux. */
    static byte[] sockaddrIn(InetAddress ipv4, int port) {
        ByteBuffer b = ByteBuffer.allocate(16);
        b.order(ByteOrder.nativeOrder()).putShort(AF_INET); // sin_family
        b.order(ByteOrder.BIG_ENDIAN); // l'ordre du réseau
        b.putShort((short) port); // sin_port = htons(port)
        b.put(ipv4.getAddress()); // sin_addr, déjà dans l'ordre réseau
        return b.array(); // sin_zero : les 8 octets nuls restants
    }
    // end::layout[]

    // tag::htons[]
    /** htons et htonl : le même nombre, vu dans l'ordre du réseau. */
    static String networkOrder(int port, int address) {
        HexFormat hex = HexFormat.ofDelimiter(" ");
        byte[] p = ByteBuffer.allocate(2).putShort((short) port).array();
        byte[] a = ByteBuffer.allocate(4).putInt(address).array();
        byte[] m = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder())
                .putInt(address).array();
        return "htons(" + port + ") : " + hex.formatHex(p)
                + "\nhtonl(0x7f000001) : " + hex.formatHex(a)
                + "\nen mémoire (" + ByteOrder.nativeOrder() + ") : "
                + hex.formatHex(m);
    }
    // end::htons[]

    public static void main(String[] args) {
        System.out.println(networkOrder(5000, 0x7f000001));
        byte[] sa = sockaddrIn(InetAddress.getLoopbackAddress(), 5000);
        System.out.println("sockaddr_in 127.0.0.1:5000 :");
        System.out.println("  " + HexFormat.ofDelimiter(" ").formatHex(sa));
    }
}
