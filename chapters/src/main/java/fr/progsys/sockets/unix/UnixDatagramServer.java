package fr.progsys.sockets.unix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import fr.progsys.Example;
import fr.progsys.sockets.support.Protocol;
import fr.progsys.sockets.support.ServerConsole;
import jnr.unixsocket.UnixDatagramChannel;
import jnr.unixsocket.UnixSocketAddress;

/**
 * Le service en datagrammes dans le domaine Unix (SOCK_DGRAM). Le JDK n'offre
 * que le mode flux pour AF_UNIX : les datagrammes passent par
 * jnr-unixsocket. Comme en UDP, le serveur répond à l'adresse de
 * l'expéditeur ; mais ici cette adresse est un fichier : un client qui ne
 * s'est pas lié (bind) n'a pas de nom, et ne peut pas recevoir de réponse.
 */
@Example(name = "sockets.unix.datagram", slides = {"U01", "S02"},
        value = "Domaine Unix, datagrammes (jnr-unixsocket)")
public final class UnixDatagramServer implements AutoCloseable {

    /** Délai d'attente d'une réponse, côté client. */
    static final int TIMEOUT_MS = 5_000;

    private final Path path;
    private final UnixDatagramChannel channel;
    private final Consumer<String> log;
    private final Thread loop;
    private volatile boolean stopping;

    public UnixDatagramServer(Path path, Consumer<String> log) {
        this.path = SocketDir.check(path);
        this.log = log;
        try {
            channel = UnixDatagramChannel.open();
            channel.bind(new UnixSocketAddress(path.toFile())); // crée le fichier
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        loop = new Thread(this::serve, "serveur Unix (datagrammes)");
        loop.start();
    }

    // tag::serve[]
    private void serve() {
        ByteBuffer in = ByteBuffer.allocate(Protocol.MAX_LINE + 2);
        while (!stopping) {
            in.clear();
            UnixSocketAddress client;
            try {
                client = channel.receive(in); // bloque ; note l'expéditeur
            } catch (IOException e) {
                log.accept("réception : " + e.getMessage());
                return;
            }
            if (stopping) {
                return;
            }
            String reply = Protocol.answerDatagram(in.array(), in.position());
            // Un client sans bind n'a pas de nom : rien à quoi répondre.
            if (client == null || !client.path().startsWith("/")) {
                log.accept("expéditeur sans nom : pas de réponse possible");
                continue;
            }
            try {
                channel.send(ByteBuffer.wrap(
                        reply.getBytes(StandardCharsets.UTF_8)), client);
                log.accept(client.path() + " : " + reply.strip());
            } catch (IOException e) {
                log.accept(client.path() + " : " + e.getMessage());
            }
        }
    }
    // end::serve[]

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        stopping = true;
        // close() ne réveille pas un recvfrom bloqué : on s'écrit un
        // datagramme vide, puis on ferme et on efface le fichier.
        try (UnixDatagramChannel waker = UnixDatagramChannel.open()) {
            waker.send(ByteBuffer.allocate(0), new UnixSocketAddress(path.toFile()));
            loop.join(5_000);
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            SocketDir.remove(path);
        }
    }

    // tag::client[]
    /** Un client lié à son propre fichier : le serveur pourra répondre. */
    public static String ask(Path server, Path me, String request)
            throws IOException {
        try (UnixDatagramChannel ch = UnixDatagramChannel.open()) {
            ch.bind(new UnixSocketAddress(me.toFile())); // sinon : sans nom
            ch.send(ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8)),
                    new UnixSocketAddress(server.toFile()));
            awaitReadable(ch); // jamais d'attente sans fin
            ByteBuffer reply = ByteBuffer.allocate(Protocol.MAX_LINE + 2);
            ch.receive(reply);
            return new String(reply.array(), 0, reply.position(),
                    StandardCharsets.UTF_8).strip();
        } finally {
            Files.deleteIfExists(me); // le fichier du client, lui aussi
        }
    }
    // end::client[]

    /** Attend une réponse au plus {@link #TIMEOUT_MS} ms (select). */
    private static void awaitReadable(UnixDatagramChannel ch)
            throws IOException {
        ch.configureBlocking(false);
        try (Selector selector = ch.provider().openSelector()) {
            ch.register(selector, SelectionKey.OP_READ);
            if (selector.select(TIMEOUT_MS) == 0) {
                throw new SocketTimeoutException(
                        "pas de réponse en " + TIMEOUT_MS + " ms");
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = SocketDir.createPrivate();
        Consumer<String> log = args.length > 0 ? line -> { }
                : System.out::println; // journal seulement en mode serveur
        try (UnixDatagramServer server = new UnixDatagramServer(
                dir.resolve("service.sock"), log)) {
            if (args.length > 0) { // démonstration : un client, des requêtes
                for (String request : args) {
                    System.out.println(request + " → " + ask(server.path(),
                            dir.resolve("client.sock"), request));
                }
                return;
            }
            ServerConsole.serveUntilStopped(server,
                    "serveur Unix (datagrammes) sur " + server.path());
        }
    }
}
