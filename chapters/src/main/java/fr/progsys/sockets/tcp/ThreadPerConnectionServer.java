package fr.progsys.sockets.tcp;

import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import fr.progsys.Example;
import fr.progsys.sockets.ServerConsole;
import fr.progsys.sockets.ServerOptions;

/**
 * Le serveur TCP de la diapositive : socket, bind, listen, puis accept en
 * boucle, et un thread neuf pour chaque connexion acceptée (le fork du C).
 */
@Example(name = "sockets.tcp.server", slides = {"S15", "S16", "S17"},
        value = "Serveur TCP : un thread par connexion",
        usage = "[--port N] [--all-interfaces] [--idle S] [--threads N]")
public final class ThreadPerConnectionServer extends BlockingServer {

    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();

    public ThreadPerConnectionServer(ServerOptions options,
            Consumer<String> log) {
        super(options, log, "accept (thread par connexion)");
        startAccepting();
    }

    // tag::hand-off[]
    @Override
    void handOff(Socket client, Runnable dialogue) {
        Thread t = new Thread(() -> {
            try {
                dialogue.run();
            } finally {
                workers.remove(Thread.currentThread());
            }
        }, "client " + client.getPort());
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

    // tag::main[]
    public static void main(String[] args) throws Exception {
        ServerOptions options = ServerOptions.parse(args);
        try (TcpServer server =
                new ThreadPerConnectionServer(options, System.out::println)) {
            ServerConsole.serveUntilStopped(server,
                    "serveur TCP (un thread par connexion) sur "
                            + ServerConsole.show(server.address()));
        }
    }
    // end::main[]
}
