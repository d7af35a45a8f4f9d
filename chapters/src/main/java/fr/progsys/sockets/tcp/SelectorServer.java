package fr.progsys.sockets.tcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import fr.progsys.Example;
import fr.progsys.sockets.support.Connection;
import fr.progsys.sockets.support.ServerConsole;
import fr.progsys.sockets.support.ServerOptions;

/**
 * Le même service avec UN seul thread : toutes les sockets sont en mode non
 * bloquant et un {@link Selector} (select/poll/epoll en C) dit lesquelles ont
 * quelque chose à faire. La socket d'écoute est « prête » quand une
 * connexion attend dans la file : accept ne bloque alors pas.
 *
 * <p>Marche aussi bien pour TCP que pour le domaine Unix : seul le canal
 * d'écoute change. L'état de chaque client (lignes commencées, réponses en
 * attente, contre-pression, inactivité) est dans {@link Connection}, pour que
 * la boucle de select() se lise seule.
 */
@Example(name = "sockets.tcp.selector", slides = {"S17"},
        value = "Serveur TCP : un seul thread et un Selector",
        usage = "[--port N] [--all-interfaces] [--idle S] [--threads N]")
public final class SelectorServer implements TcpServer {

    private final ServerSocketChannel listener;
    private final SocketAddress address;
    private final Selector selector;
    private final Duration idle;
    private final Consumer<String> log;
    private final Runnable afterClose;
    private final Set<Connection> peers = ConcurrentHashMap.newKeySet();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(4096);
    private final Thread loop;
    private volatile boolean stopping;
    private int accepted;

    /** Un serveur TCP sur l'adresse des options. */
    public static SelectorServer tcp(ServerOptions options,
            Consumer<String> log) {
        ServerSocketChannel ch = null;
        try {
            ch = ServerSocketChannel.open(StandardProtocolFamily.INET);
            ch.bind(options.bindAddress(), BlockingServer.BACKLOG);
            return start(ch, options.idle(), log, () -> { });
        } catch (IOException e) {
            if (ch != null) {
                try {
                    ch.close(); // EADDRINUSE… : ne pas fuir le descripteur
                } catch (IOException ignored) {
                    e.addSuppressed(ignored);
                }
            }
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sert sur un canal d'écoute déjà lié (TCP ou Unix) ; {@code afterClose}
     * s'exécute une fois tout fermé (pour effacer un fichier de socket). Le
     * thread de la boucle démarre ici, une fois l'objet construit.
     */
    public static SelectorServer start(ServerSocketChannel listener,
            Duration idle, Consumer<String> log, Runnable afterClose)
            throws IOException {
        SelectorServer server =
                new SelectorServer(listener, idle, log, afterClose);
        server.loop.start();
        return server;
    }

    private SelectorServer(ServerSocketChannel listener, Duration idle,
            Consumer<String> log, Runnable afterClose) throws IOException {
        this.listener = listener;
        this.address = listener.getLocalAddress();
        this.idle = idle;
        this.log = log;
        this.afterClose = afterClose;
        this.selector = Selector.open();
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT);
        loop = new Thread(this::run, "selector");
    }

    // tag::select-loop[]
    private void run() {
        while (!stopping) {
            try {
                // bloque jusqu'à ce qu'une socket soit prête (ou le délai)
                selector.select(millisToNextIdleCheck());
            } catch (IOException e) {
                log.accept("select : " + e.getMessage());
                break;
            }
            Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
            while (ready.hasNext()) {
                SelectionKey key = ready.next();
                ready.remove();
                if (key.isValid() && key.isAcceptable()) {
                    accept(); // une connexion attend : accept ne bloque pas
                } else if (key.isValid()) {
                    serve(key); // lire ce qui est là, écrire ce qu'on peut
                }
            }
            closeIdlePeers();
        }
        closeEverything();
    }
    // end::select-loop[]

    private void accept() {
        try {
            SocketChannel ch = listener.accept(); // null si plus personne
            if (ch == null) {
                return;
            }
            ch.configureBlocking(false);
            SocketAddress remote = ch.getRemoteAddress();
            accepted++;
            String where = ServerConsole.show(remote);
            Connection peer = new Connection(ch, "client " + accepted
                    + (where.isEmpty() ? "" : " " + where));
            ch.register(selector, SelectionKey.OP_READ, peer);
            peers.add(peer);
            log.accept("connexion de " + peer.name());
        } catch (IOException e) {
            log.accept("accept : " + e.getMessage());
        }
    }

    // tag::serve[]
    private void serve(SelectionKey key) {
        Connection peer = (Connection) key.attachment();
        try {
            if (key.isReadable()) {
                readBuffer.clear();
                int n = peer.channel().read(readBuffer); // ne bloque pas
                if (n < 0) {
                    close(peer, peer.hasPartialLine()
                            ? "parti au milieu d'une ligne" : "parti");
                    return;
                }
                readBuffer.flip();
                peer.received(readBuffer); // lignes complètes → réponses
            }
            flush(peer, key);
        } catch (IOException e) {
            close(peer, e.getMessage());
        }
    }
    // end::serve[]

    /** Écrit ce qui passe ; la suite attend OP_WRITE (voir Connection). */
    private void flush(Connection peer, SelectionKey key) throws IOException {
        int ops = peer.flush();
        if (ops < 0) {
            close(peer, "fermé par le serveur");
        } else {
            key.interestOps(ops);
        }
    }

    private long millisToNextIdleCheck() {
        long now = System.nanoTime();
        long next = idle.toNanos();
        for (Connection p : peers) {
            next = Math.min(next, p.nanosUntilIdle(now, idle));
        }
        return Math.max(1, next / 1_000_000 + 1);
    }

    private void closeIdlePeers() {
        long now = System.nanoTime();
        for (Connection p : peers) {
            if (p.dismissIfIdle(now, idle)) {
                log.accept(p.name() + " : inactif");
                try {
                    flush(p, p.channel().keyFor(selector));
                } catch (IOException e) {
                    close(p, e.getMessage());
                }
            }
        }
    }

    private void close(Connection peer, String why) {
        peers.remove(peer);
        try {
            peer.channel().close(); // annule aussi sa clé dans le Selector
        } catch (IOException e) {
            // déjà fermée
        }
        log.accept(peer.name() + " : " + why);
    }

    private void closeEverything() {
        for (Connection p : peers) {
            close(p, "arrêt du serveur");
        }
        try {
            listener.close();
            selector.close();
        } catch (IOException e) {
            log.accept("fermeture : " + e.getMessage());
        }
        afterClose.run();
    }

    @Override
    public SocketAddress address() {
        return address;
    }

    @Override
    public int openConnections() {
        return peers.size();
    }

    @Override
    public void close() {
        stopping = true;
        selector.wakeup(); // sort de select() tout de suite
        try {
            loop.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws Exception {
        ServerOptions options = ServerOptions.parse(args);
        try (TcpServer server = tcp(options, System.out::println)) {
            ServerConsole.serveUntilStopped(server,
                    "serveur TCP (un thread, Selector) sur "
                            + ServerConsole.show(server.address()));
        }
    }
}
