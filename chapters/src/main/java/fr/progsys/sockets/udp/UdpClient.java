package fr.progsys.sockets.udp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import fr.progsys.Example;
import fr.progsys.sockets.support.ClientMain;
import fr.progsys.sockets.support.ServerConsole;

/**
 * Le client UDP : une socket liée au port 0 (le système choisit), un
 * datagramme par requête, et une attente bornée de la réponse. UDP ne
 * garantit rien : une réponse peut ne jamais venir.
 */
@Example(name = "sockets.udp.client", slides = {"S09", "S11"},
        value = "Client UDP : port 0, envoi, réponse avec délai",
        usage = "--port N REQUÊTE…")
public final class UdpClient {

    static final int TIMEOUT_MS = 2_000;

    private UdpClient() {
    }

    // tag::exchange[]
    /** Envoie chaque requête dans un datagramme ; rend les réponses. */
    public static List<String> exchange(InetSocketAddress server,
            List<String> requests) throws IOException {
        List<String> replies = new ArrayList<>();
        InetSocketAddress any = new InetSocketAddress(
                InetAddress.getLoopbackAddress(), 0); // port 0
        try (DatagramSocket socket = new DatagramSocket(any)) {
            System.out.println("client lié à " // getsockname()
                    + ServerConsole.show(socket.getLocalSocketAddress()));
            socket.setSoTimeout(TIMEOUT_MS); // sans délai, receive attend
            byte[] buffer = new byte[2048];
            for (String request : requests) {
                byte[] out = request.getBytes(StandardCharsets.UTF_8);
                socket.send(new DatagramPacket(out, out.length, server));
                DatagramPacket in = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(in);
                } catch (SocketTimeoutException lost) {
                    replies.add("(pas de réponse en " + TIMEOUT_MS + " ms)");
                    continue;
                }
                replies.add(new String(in.getData(), 0, in.getLength(),
                        StandardCharsets.UTF_8).strip());
            }
        }
        return replies;
    }
    // end::exchange[]

    public static void main(String[] args) throws IOException {
        ClientMain.run(args, UdpClient::exchange);
    }
}
