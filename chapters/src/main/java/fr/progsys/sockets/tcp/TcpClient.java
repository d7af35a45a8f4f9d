package fr.progsys.sockets.tcp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import fr.progsys.Example;
import fr.progsys.sockets.support.ClientMain;

/**
 * Le client TCP de la diapositive : socket, (bind facultatif), adresse du
 * serveur, connect, puis le dialogue. Chaque argument après le port est une
 * requête ; le client affiche chaque réponse.
 *
 * <pre>
 * -Dargs="--port 5000 PING 'SOMME 2 3'"
 * </pre>
 */
@Example(name = "sockets.tcp.client", slides = {"S18", "S19", "S20", "S21"},
        value = "Client TCP : connect, requêtes, réponses",
        usage = "--port N REQUÊTE…")
public final class TcpClient {

    /** Aucun appel du client ne peut bloquer plus longtemps que ceci. */
    static final int TIMEOUT_MS = 5_000;

    private TcpClient() {
    }

    // tag::client[]
    /** Envoie chaque requête et rend les réponses, dans l'ordre. */
    public static List<String> exchange(InetSocketAddress server,
            List<String> requests) throws IOException {
        List<String> replies = new ArrayList<>();
        try (Socket socket = new Socket()) { // socket(), sans bind : port 0
            socket.connect(server, TIMEOUT_MS); // connect, délai borné
            socket.setSoTimeout(TIMEOUT_MS); // read, délai borné aussi
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(
                    socket.getInputStream(), StandardCharsets.UTF_8));
            for (String request : requests) {
                out.write((request + "\n").getBytes(StandardCharsets.UTF_8));
                String reply = in.readLine(); // null : serveur parti
                if (reply == null) {
                    break;
                }
                replies.add(reply);
            }
        } // close : FIN envoyé au serveur, qui lit la fin de flot
        return replies;
    }
    // end::client[]

    public static void main(String[] args) throws IOException {
        ClientMain.run(args, TcpClient::exchange);
    }
}
