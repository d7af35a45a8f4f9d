package fr.progsys.sockets.udp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import fr.progsys.Example;
import fr.progsys.sockets.support.Protocol;
import fr.progsys.sockets.support.ServerConsole;
import fr.progsys.sockets.support.ServerOptions;

/**
 * Le serveur UDP : une socket liée à un port connu, et une boucle qui reçoit
 * un datagramme, apprend d'où il vient, et répond à cette adresse-là. Pas de
 * connexion, pas de thread par client : chaque datagramme est une requête.
 */
@Example(name = "sockets.udp.server", slides = {"S11", "S12", "S14"},
        value = "Serveur UDP : répond à l'adresse apprise du datagramme",
        usage = "[--port N] [--all-interfaces] [--idle S] [--threads N]")
public final class UdpServer implements AutoCloseable {

    /** Un octet de plus que la plus longue requête utile : on voit l'excès. */
    static final int BUFFER = Protocol.MAX_LINE + 2;

    private final DatagramSocket socket;
    private final Consumer<String> log;
    private final Thread loop;

    public UdpServer(ServerOptions options, Consumer<String> log) {
        this.log = log;
        try {
            socket = new DatagramSocket(options.bindAddress()); // bind
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        loop = new Thread(this::serve, "serveur UDP");
        loop.start();
    }

    // tag::serve[]
    private void serve() {
        byte[] buffer = new byte[BUFFER];
        while (!socket.isClosed()) {
            DatagramPacket request = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(request); // recvfrom : bloque, note l'expéditeur
            } catch (IOException e) {
                return; // close() a fermé la socket
            }
            SocketAddress client = request.getSocketAddress();
            String reply = Protocol.answerDatagram(request.getData(),
                    request.getLength());
            byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
            String who = ServerConsole.show(client);
            try {
                // sendto : à l'adresse et au port appris du datagramme
                socket.send(new DatagramPacket(bytes, bytes.length, client));
                log.accept(who + " : " + reply.strip().replace('\n', '|'));
            } catch (IOException e) {
                log.accept(who + " : " + e.getMessage());
            }
        }
    }
    // end::serve[]


    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public void close() {
        socket.close(); // débloque receive()
        try {
            loop.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws Exception {
        try (UdpServer server =
                new UdpServer(ServerOptions.parse(args), System.out::println)) {
            ServerConsole.serveUntilStopped(server,
                    "serveur UDP sur " + ServerConsole.show(server.address()));
        }
    }
}
