package fr.progsys.sockets.tcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import fr.progsys.sockets.support.ServerConsole;
import fr.progsys.sockets.support.ServerOptions;

/**
 * Le squelette commun des serveurs TCP bloquants : socket, bind, listen,
 * puis une boucle d'accept qui confie chaque connexion à quelqu'un d'autre
 * et revient aussitôt à accept. Les sous-classes disent à qui.
 */
abstract class BlockingServer implements TcpServer {

    /** Taille de la file des connexions établies pas encore acceptées. */
    static final int BACKLOG = 256;

    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    final ServerOptions options;
    final Consumer<String> log;

    BlockingServer(ServerOptions options, Consumer<String> log, String name) {
        this.options = options;
        this.log = log;
        ServerSocket s = null;
        try {
            // tag::listen[]
            s = new ServerSocket(); // socket()
            s.bind(options.bindAddress(), BACKLOG); // bind() puis listen()
            // end::listen[]
        } catch (IOException e) {
            closeQuietly(s); // EADDRINUSE… : ne pas fuir le descripteur
            throw new UncheckedIOException(e);
        }
        listener = s;
        acceptor = new Thread(this::acceptLoop, name);
    }

    /** Lance la boucle d'accept ; la sous-classe l'appelle une fois prête. */
    final void startAccepting() {
        acceptor.start();
    }

    // tag::accept-loop[]
    private void acceptLoop() {
        while (true) {
            Socket client;
            try {
                client = listener.accept(); // bloque : file vide
            } catch (IOException e) {
                return; // close() a fermé la socket d'écoute
            }
            // accept rend une NOUVELLE socket, propre à ce client ;
            // la socket d'écoute reste libre pour les suivants.
            open.add(client);
            log.accept("connexion de "
                    + ServerConsole.show(client.getRemoteSocketAddress()));
            Runnable dialogue = new Conversation(client, options.idle(), log);
            handOff(client, () -> {
                try {
                    dialogue.run();
                } finally {
                    open.remove(client);
                }
            });
        }
    }
    // end::accept-loop[]

    private static void closeQuietly(ServerSocket s) {
        try {
            if (s != null) {
                s.close();
            }
        } catch (IOException e) {
            // rien de plus à faire
        }
    }

    /** Confie le dialogue avec {@code client} à un autre thread. */
    abstract void handOff(Socket client, Runnable dialogue);

    /** Retire un client que l'on n'a pas pu servir. */
    void forget(Socket client) {
        open.remove(client);
    }

    @Override
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    @Override
    public int openConnections() {
        return open.size();
    }

    @Override
    public void close() {
        try {
            listener.close(); // débloque accept() dans acceptLoop
            acceptor.join(5_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Socket s : open) {
            try {
                s.close(); // débloque le read du thread de ce client
            } catch (IOException e) {
                // déjà fermée
            }
        }
        stopWorkers();
    }

    /** Attend la fin des threads de dialogue. */
    abstract void stopWorkers();
}
