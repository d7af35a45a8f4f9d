package fr.progsys.sockets.tcp;

import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import fr.progsys.Example;
import fr.progsys.sockets.ServerConsole;
import fr.progsys.sockets.ServerOptions;

/**
 * Le serveur de la diapositive, un thread par connexion, mais un thread
 * virtuel (JDK 21+) : le code est celui de {@link ThreadPerConnectionServer},
 * seule la fabrique du thread change. Un thread virtuel bloqué dans
 * {@code read} ne garde aucun thread noyau : la JVM le décroche de son
 * porteur, qui sert un autre client.
 */
@Example(name = "sockets.tcp.virtuel", slides = {"S15"},
        value = "Serveur TCP : un thread virtuel par connexion (JDK 21+)",
        usage = "[--port N] [--all-interfaces] [--idle S] [--threads N]")
public final class VirtualThreadServer extends BlockingServer {

    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();

    public VirtualThreadServer(ServerOptions options, Consumer<String> log) {
        super(options, log, "accept (thread virtuel par connexion)");
        startAccepting();
    }

    // tag::hand-off[]
    @Override
    void handOff(Socket client, Runnable dialogue) {
        Thread t = Thread.ofVirtual() // au lieu de new Thread(…)
                .name("client " + client.getPort())
                .unstarted(() -> {
                    try {
                        dialogue.run();
                    } finally {
                        workers.remove(Thread.currentThread());
                    }
                });
        workers.add(t);
        t.start(); // et le thread d'accept retourne aussitôt à accept()
    }
    // end::hand-off[]

    @Override
    void stopWorkers() {
        for (Thread t : workers) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public static void main(String[] args) throws Exception {
        ServerOptions options = ServerOptions.parse(args);
        try (TcpServer server =
                new VirtualThreadServer(options, System.out::println)) {
            ServerConsole.serveUntilStopped(server,
                    "serveur TCP (un thread virtuel par connexion) sur "
                            + ServerConsole.show(server.address()));
        }
    }
}
