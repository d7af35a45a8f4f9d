package fr.progsys.sockets.support;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Fait tourner un serveur lancé par une personne jusqu'à ce qu'on l'arrête :
 * « stop » ou fin de fichier (Ctrl-D) sur l'entrée standard, ou Ctrl-C.
 * Dans les trois cas le serveur est fermé proprement : connexions closes,
 * port libéré, fichier de socket effacé.
 */
public final class ServerConsole {

    private ServerConsole() {
    }

    /** Affiche l'adresse, attend l'ordre d'arrêt, ferme le serveur. */
    public static void serveUntilStopped(AutoCloseable server, String banner)
            throws Exception {
        // Ctrl-C : la JVM exécute les crochets d'arrêt avant de sortir.
        Thread hook = new Thread(() -> {
            closeQuietly(server);
            System.out.println("serveur arrêté (signal)");
        }, "arrêt");
        Runtime.getRuntime().addShutdownHook(hook);
        System.out.println(banner);
        System.out.println("(arrêt : « stop », Ctrl-D ou Ctrl-C)");
        BufferedReader in = new BufferedReader(
                new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        do {
            line = in.readLine();
        } while (line != null && !line.strip().equals("stop"));
        server.close();
        Runtime.getRuntime().removeShutdownHook(hook);
        System.out.println("serveur arrêté");
    }

    /** Une adresse lisible : 127.0.0.1:5000 plutôt que /127.0.0.1:5000. */
    public static String show(SocketAddress address) {
        if (address instanceof InetSocketAddress) {
            InetSocketAddress a = (InetSocketAddress) address;
            return a.getAddress().getHostAddress() + ":" + a.getPort();
        }
        return address.toString();
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("arrêt : " + e);
        }
    }
}
