package fr.progsys.sockets.tcp;

import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import fr.progsys.Example;
import fr.progsys.sockets.support.ServerConsole;
import fr.progsys.sockets.support.ServerOptions;

/**
 * Le serveur TCP de la diapositive : socket, bind, listen, puis accept en
 * boucle, et un thread neuf pour chaque connexion acceptée (le fork du C).
 */
@Example(name = "sockets.tcp.server", slides = {"S15", "S16", "S17"},
        value = "Serveur TCP : un thread par connexion",
        usage = "[--port N] [--all-interfaces] [--idle S] [--threads N]")
public class ThreadPerConnectionServer extends BlockingServer {

    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();

    public ThreadPerConnectionServer(ServerOptions options,
            Consumer<String> log) {
        this(options, log, "accept (thread par connexion)");
    }

    /** Pour {@code VirtualThreadServer} : même serveur, autres threads. */
    ThreadPerConnectionServer(ServerOptions options, Consumer<String> log,
            String acceptThreadName) {
        super(options, log, acceptThreadName);
        startAccepting();
    }

    // tag::hand-off[]
    @Override
    void handOff(Socket client, Runnable dialogue) {
        Thread t = newThread("client " + client.getPort(), () -> {
            try {
                dialogue.run();
            } finally {
                workers.remove(Thread.currentThread());
            }
        });
        workers.add(t);
        t.start(); // et le thread d'accept retourne aussitôt à accept()
    }

    /** Un thread de plateforme : un thread noyau de plus par client. */
    Thread newThread(String name, Runnable body) {
        return new Thread(body, name);
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
