package fr.progsys.sockets.support;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;

/** La ligne de commande commune des clients : {@code --port N requête…}. */
public final class ClientMain {

    /** Un échange : des requêtes envoyées, les réponses rendues. */
    public interface Exchange {
        List<String> run(InetSocketAddress server, List<String> requests)
                throws IOException;
    }

    private ClientMain() {
    }

    /** Lit les arguments, fait l'échange, affiche « requête → réponse ». */
    public static void run(String[] args, Exchange exchange)
            throws IOException {
        if (args.length < 2 || !args[0].equals("--port")) {
            throw new IllegalArgumentException(
                    "il faut --port N puis les requêtes");
        }
        InetSocketAddress server = new InetSocketAddress(
                InetAddress.getLoopbackAddress(), Integer.parseInt(args[1]));
        List<String> requests = Arrays.asList(args).subList(2, args.length);
        List<String> replies;
        try {
            replies = exchange.run(server, requests);
        } catch (ConnectException e) { // ECONNREFUSED : personne n'écoute
            System.out.println("connexion refusée : personne n'écoute sur "
                    + ServerConsole.show(server));
            System.exit(1);
            return;
        } catch (SocketTimeoutException e) {
            System.out.println("pas de réponse à temps : " + e.getMessage());
            System.exit(1);
            return;
        }
        for (int i = 0; i < replies.size(); i++) {
            System.out.println(requests.get(i) + " → " + replies.get(i));
        }
    }
}
