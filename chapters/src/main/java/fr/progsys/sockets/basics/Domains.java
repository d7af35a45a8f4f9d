package fr.progsys.sockets.basics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.nio.channels.Channel;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import fr.progsys.Example;
import jnr.unixsocket.UnixDatagramChannel;

/**
 * socket(domaine, type, protocole) vu de Java : le domaine est la famille
 * passée à open (INET, INET6, UNIX), le type est la classe du canal
 * (SocketChannel pour SOCK_STREAM, DatagramChannel pour SOCK_DGRAM). Le JDK
 * n'a pas de datagrammes Unix : jnr-unixsocket les fournit. Chacune est un
 * descripteur de fichier, visible dans /proc/self/fd.
 */
@Example(name = "sockets.basics.domains", slides = {"S02", "S03"},
        value = "Domaines et types de socket depuis Java")
public final class Domains {

    private Domains() {
    }

    /** Nombre de descripteurs du processus qui sont des sockets. */
    static long openSockets() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString()
                            .startsWith("socket:");
                } catch (IOException e) {
                    return false; // descripteur fermé entre-temps
                }
            }).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // tag::open[]
    static List<Channel> openAll() throws IOException {
        List<Channel> all = new ArrayList<>();
        all.add(SocketChannel.open(StandardProtocolFamily.INET));
        all.add(SocketChannel.open(StandardProtocolFamily.INET6));
        all.add(SocketChannel.open(StandardProtocolFamily.UNIX));
        all.add(DatagramChannel.open(StandardProtocolFamily.INET));
        all.add(DatagramChannel.open(StandardProtocolFamily.INET6));
        all.add(UnixDatagramChannel.open()); // AF_UNIX, SOCK_DGRAM : jnr
        return all;
    }
    // end::open[]

    public static void main(String[] args) throws IOException {
        // Un premier tour à blanc : à sa première utilisation, le JDK (ou
        // jnr) peut ouvrir une socket de sonde, qu'on ne veut pas compter.
        for (Channel c : openAll()) {
            c.close();
        }
        long before = openSockets();
        List<Channel> all = openAll();
        System.out.println("AF_INET,  SOCK_STREAM : SocketChannel (INET)");
        System.out.println("AF_INET6, SOCK_STREAM : SocketChannel (INET6)");
        System.out.println("AF_UNIX,  SOCK_STREAM : SocketChannel (UNIX)");
        System.out.println("AF_INET,  SOCK_DGRAM  : DatagramChannel (INET)");
        System.out.println("AF_INET6, SOCK_DGRAM  : DatagramChannel (INET6)");
        System.out.println("AF_UNIX,  SOCK_DGRAM  : UnixDatagramChannel (jnr)");
        System.out.println("nouveaux descripteurs « socket: » : "
                + (openSockets() - before));
        for (Channel c : all) {
            c.close();
        }
    }
}
