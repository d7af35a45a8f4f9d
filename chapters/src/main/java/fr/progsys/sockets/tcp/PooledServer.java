package fr.progsys.sockets.tcp;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import fr.progsys.Example;
import fr.progsys.sockets.support.Protocol;
import fr.progsys.sockets.support.ServerConsole;
import fr.progsys.sockets.support.ServerOptions;

/**
 * Le même service avec un nombre borné de threads : un pool fixe et une file
 * d'attente bornée. Mille clients ne créent plus mille threads ; au-delà de
 * la file, le serveur répond qu'il est saturé au lieu de s'effondrer.
 */
@Example(name = "sockets.tcp.pool", slides = {"S15"},
        value = "Serveur TCP : pool de threads borné",
        usage = "[--port N] [--all-interfaces] [--idle S] [--threads N]")
public final class PooledServer extends BlockingServer {

    /** Connexions acceptées qui attendent un thread libre. */
    static final int QUEUE = 256;

    private final ThreadPoolExecutor pool;

    public PooledServer(ServerOptions options, Consumer<String> log) {
        this(options, log, QUEUE);
    }

    /** Avec une file de {@code queue} places (les tests la veulent petite). */
    PooledServer(ServerOptions options, Consumer<String> log, int queue) {
        super(options, log, "accept (pool)");
        pool = newPool(options.threads(), queue);
        startAccepting();
    }

    // tag::pool[]
    private static ThreadPoolExecutor newPool(int threads, int queue) {
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queue)); // file bornée
    }

    @Override
    void handOff(Socket client, Runnable dialogue) {
        try {
            pool.execute(dialogue);
        } catch (RejectedExecutionException full) {
            refuse(client); // « saturé » plutôt qu'une file sans fin
        }
    }
    // end::pool[]

    private void refuse(Socket client) {
        try (client) {
            client.getOutputStream().write(
                    (Protocol.BUSY + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // le client est déjà parti
        } finally {
            forget(client);
        }
    }

    @Override
    void stopWorkers() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws Exception {
        ServerOptions options = ServerOptions.parse(args);
        try (TcpServer server = new PooledServer(options, System.out::println)) {
            ServerConsole.serveUntilStopped(server, "serveur TCP (pool de "
                    + options.threads() + " threads) sur "
                    + ServerConsole.show(server.address()));
        }
    }
}
