package fr.progsys.sockets.tcp;

import java.util.function.Consumer;

import fr.progsys.Example;
import fr.progsys.sockets.support.ServerConsole;
import fr.progsys.sockets.support.ServerOptions;

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
public final class VirtualThreadServer extends ThreadPerConnectionServer {

    public VirtualThreadServer(ServerOptions options, Consumer<String> log) {
        super(options, log, "accept (thread virtuel par connexion)");
    }

    // tag::hand-off[]
    /**
     * Un thread virtuel au lieu d'un thread de plateforme (au lieu de
     * {@code new Thread(…)}) : tout le reste est hérité.
     */
    @Override
    Thread newThread(String name, Runnable body) {
        return Thread.ofVirtual().name(name).unstarted(body);
    }
    // end::hand-off[]

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
