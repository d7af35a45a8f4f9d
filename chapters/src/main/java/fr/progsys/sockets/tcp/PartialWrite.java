package fr.progsys.sockets.tcp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

import fr.progsys.Example;

/**
 * write (ou send) sur une socket : le noyau copie ce qu'il peut dans le
 * tampon d'envoi. En mode bloquant, write attend de la place ; en mode non
 * bloquant, il rend le nombre d'octets pris, parfois moins que demandé, et 0
 * quand tout est plein (EAGAIN en C). Il faut donc boucler.
 */
@Example(name = "sockets.tcp.partial-write", slides = {"S20"},
        value = "write non bloquant : écriture partielle, puis 0")
public final class PartialWrite {

    static final int SIZE = 16 * 1024 * 1024;

    private PartialWrite() {
    }

    // tag::main[]
    @SuppressWarnings("try") // reader n'est là que pour ne jamais lire
    public static void main(String[] args) throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1,
                InetAddress.getLoopbackAddress());
                SocketChannel writer =
                        SocketChannel.open(server.getLocalSocketAddress());
                Socket reader = server.accept()) { // ne lira jamais
            writer.configureBlocking(false);
            ByteBuffer data = ByteBuffer.allocate(SIZE);
            int first = writer.write(data);
            int more;
            do {
                more = writer.write(data); // le reste, tant que ça passe
            } while (more > 0);
            System.out.printf("demandé %d octets%n", SIZE);
            System.out.printf("premier write : %s%n",
                    first < SIZE ? "partiel" : "complet");
            System.out.printf("restent %s, write rend %d%n",
                    data.hasRemaining() ? "des octets" : "0 octet", more);
        }
    }
    // end::main[]
}
