package fr.progsys.sockets.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

import fr.progsys.Example;

/**
 * close : ce qui a été écrit avant close est quand même livré. close rend la
 * main tout de suite ; le noyau garde les octets non encore envoyés et les
 * envoie, puis le FIN. Sauf si l'on demande SO_LINGER à zéro : close envoie
 * alors un RST et jette ce qui restait. Ou si des octets reçus n'ont pas été
 * lus : Linux répond alors aussi par un RST (RFC 2525, § 2.17).
 */
@Example(name = "sockets.tcp.close", slides = {"S10"},
        value = "close livre les données écrites ; SO_LINGER 0 ou des"
                + " données non lues les jettent")
public final class CloseDelivers {

    static final int SIZE = 4 * 1024 * 1024;

    private CloseDelivers() {
    }

    /** Lit jusqu'à la fin de flot ; rend le nombre d'octets reçus. */
    static long drain(Socket s) throws IOException {
        s.setSoTimeout(10_000);
        InputStream in = s.getInputStream();
        byte[] chunk = new byte[64 * 1024];
        long total = 0;
        try {
            for (int n; (n = in.read(chunk)) > 0; ) {
                total += n;
            }
        } catch (SocketException reset) { // RST : « Connection reset »
            System.out.println("lecteur : " + reset.getMessage());
        }
        return total;
    }

    // tag::close[]
    /** Écrit puis ferme tout de suite ; rend les octets écrits. */
    static long writeThenClose(SocketChannel ch, boolean lingerZero)
            throws IOException {
        ch.configureBlocking(false); // pour ne pas attendre le lecteur
        ByteBuffer data = ByteBuffer.allocate(SIZE);
        long written = 0;
        int n;
        while ((n = ch.write(data)) > 0) { // jusqu'à tampons pleins
            written += n;
        }
        if (lingerZero) {
            ch.socket().setSoLinger(true, 0); // close enverra un RST
        }
        ch.close(); // rend la main ; le noyau garde le reste… ou le jette
        return written;
    }
    // end::close[]

    /** Attend (10 s au plus) que {@code ch} ait des octets reçus non lus. */
    static void awaitUnreadData(SocketChannel ch) throws IOException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (ch.socket().getInputStream().available() == 0) { // FIONREAD
            if (System.nanoTime() > deadline) {
                throw new IOException("rien reçu en 10 s");
            }
            Thread.onSpinWait();
        }
    }

    // tag::main[]
    public static void main(String[] args) throws IOException {
        for (boolean lingerZero : new boolean[] {false, true}) {
            try (ServerSocket server = new ServerSocket(0, 1,
                    InetAddress.getLoopbackAddress());
                    SocketChannel writer =
                            SocketChannel.open(server.getLocalSocketAddress());
                    Socket reader = server.accept()) {
                long written = writeThenClose(writer, lingerZero);
                long read = drain(reader); // commence après le close
                System.out.printf("SO_LINGER 0 %s : écrits %d, lus %d%n",
                        lingerZero ? "oui" : "non", written, read);
            }
        }
        unreadThenClose();
    }
    // end::main[]

    // tag::unread[]
    /** Fermer en laissant des octets reçus non lus : RST, pas FIN. */
    static void unreadThenClose() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1,
                InetAddress.getLoopbackAddress());
                SocketChannel writer =
                        SocketChannel.open(server.getLocalSocketAddress());
                Socket reader = server.accept()) {
            reader.getOutputStream().write('?'); // une requête…
            awaitUnreadData(writer); // …arrivée, que l'écrivain ne lit pas
            long written = writeThenClose(writer, false); // sans SO_LINGER
            long read = drain(reader);
            System.out.printf("non lu à la fermeture : écrits %d, lus %d%n",
                    written, read);
        }
    }
    // end::unread[]
}
