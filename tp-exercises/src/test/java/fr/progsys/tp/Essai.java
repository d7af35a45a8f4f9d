package fr.progsys.tp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;

import fr.progsys.tp.chat.ServeurChat;
import fr.progsys.tp.chat.ServeurDeChat;
import fr.progsys.tp.selector.ServeurSelecteur;

/**
 * Lance le serveur d'un TP de chat (TP chat ou TP selector) pour l'essayer
 * à la main, avec {@code nc} dans d'autres terminaux :
 *
 * <pre>
 * ./mvnw -q -pl tp-exercises -am test-compile -Dserveur=chat -Dport=5000
 * </pre>
 *
 * <p>Le serveur écoute sur la boucle locale (127.0.0.1) ; le port 0 laisse
 * le système en choisir un libre, que la première ligne affiche. Il sert
 * jusqu'à « stop » ou Ctrl-D sur son entrée standard, ou Ctrl-C. Un
 * squelette encore à compléter est signalé tel quel (code de sortie 1) ;
 * un port déjà pris aussi (code 2).
 */
public final class Essai {

    private Essai() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !args[1].matches("\\d{1,5}")) {
            System.err.println("usage : Essai chat|selector <port>");
            System.exit(2);
        }
        String tp = args[0];
        int port = Integer.parseInt(args[1]);
        InetAddress boucle = InetAddress.getLoopbackAddress();
        ServeurDeChat serveur;
        try {
            switch (tp) {
                case "chat":
                    serveur = new ServeurChat(
                            new ServerSocket(port, 50, boucle));
                    break;
                case "selector":
                    serveur = new ServeurSelecteur(ServerSocketChannel.open()
                            .bind(new InetSocketAddress(boucle, port)));
                    break;
                default:
                    System.err.println("TP inconnu : " + tp
                            + " (les serveurs à essayer : chat, selector)");
                    System.exit(2);
                    return;
            }
        } catch (BindException pris) {
            System.err.println("le port " + port + " est déjà pris ("
                    + pris.getMessage() + ") : -Dport=… pour un autre,"
                    + " -Dport=0 pour un port libre");
            System.exit(2);
            return;
        }
        System.out.println("TP " + tp + " : à l'écoute sur "
                + boucle.getHostAddress() + ":" + serveur.port()
                + " (« stop » pour l'arrêter)");
        Thread clavier = new Thread(() -> attendreStop(serveur), "clavier");
        clavier.setDaemon(true);
        clavier.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> fermer(serveur)));
        try {
            serveur.servir();
        } catch (UnsupportedOperationException aCompleter) {
            System.out.println("serveur pas encore écrit : "
                    + aCompleter.getMessage());
            System.exit(1);
        }
        System.out.println("serveur arrêté");
    }

    /** « stop » ou la fin de l'entrée standard ferment le serveur. */
    private static void attendreStop(ServeurDeChat serveur) {
        try (BufferedReader clavier = new BufferedReader(new InputStreamReader(
                System.in, StandardCharsets.UTF_8))) {
            String ligne;
            do {
                ligne = clavier.readLine();
            } while (ligne != null && !ligne.strip().equals("stop"));
        } catch (IOException e) {
            // entrée fermée : on arrête aussi
        }
        fermer(serveur);
    }

    private static void fermer(ServeurDeChat serveur) {
        try {
            serveur.close();
        } catch (IOException | RuntimeException e) {
            // déjà fermé, ou close() pas encore écrit
        }
    }
}
