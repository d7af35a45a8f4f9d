package fr.progsys.sockets.tcp;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

import fr.progsys.Example;

/**
 * connect : refusé tout de suite quand personne n'écoute (le noyau répond
 * par un RST, ECONNREFUSED) ; bloqué quand le serveur ne répond pas. Pour
 * le second cas, sans quitter la boucle locale : un serveur qui n'appelle
 * jamais accept, avec une file (backlog) minuscule. Le noyau termine la
 * poignée de main pour les premiers clients et les range dans la file ;
 * une fois la file pleine, il ignore les SYN suivants, et connect attend.
 */
@Example(name = "sockets.tcp.connect", slides = {"S16", "S19"},
        value = "connect : refus immédiat, ou attente quand la file est pleine")
public final class ConnectOutcomes {

    static final int TIMEOUT_MS = 500;

    private ConnectOutcomes() {
    }

    /** Le port d'une socket que l'on vient de fermer : personne n'y écoute. */
    static InetSocketAddress closedPort() throws IOException {
        try (ServerSocket s =
                new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return (InetSocketAddress) s.getLocalSocketAddress();
        }
    }

    // tag::refused[]
    static String connectTo(InetSocketAddress address) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(address, TIMEOUT_MS); // jamais plus de 500 ms
            return "connecté";
        } catch (ConnectException e) { // ECONNREFUSED
            return "refusé : " + e.getMessage();
        } catch (SocketTimeoutException e) { // aucune réponse à temps
            return "délai dépassé : " + e.getMessage();
        }
    }
    // end::refused[]

    // tag::backlog[]
    /** Remplit la file d'un serveur qui n'accepte jamais. */
    static List<String> fillBacklog(ServerSocket neverAccepts, int attempts)
            throws IOException {
        List<String> outcomes = new ArrayList<>();
        List<Socket> queued = new ArrayList<>();
        try {
            for (int i = 1; i <= attempts; i++) {
                Socket s = new Socket();
                queued.add(s);
                try {
                    s.connect(neverAccepts.getLocalSocketAddress(), TIMEOUT_MS);
                    outcomes.add("client " + i + " : connecté, dans la file");
                } catch (SocketTimeoutException e) {
                    outcomes.add("client " + i + " : délai dépassé (file pleine)");
                }
            }
        } finally {
            for (Socket s : queued) {
                s.close();
            }
        }
        return outcomes;
    }
    // end::backlog[]

    // tag::main[]
    public static void main(String[] args) throws IOException {
        System.out.println("personne n'écoute : " + connectTo(closedPort()));
        try (ServerSocket server = new ServerSocket(0, 1, // backlog 1
                InetAddress.getLoopbackAddress())) {
            fillBacklog(server, 3).forEach(System.out::println);
        }
    }
    // end::main[]
}
