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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import fr.progsys.Example;
import fr.progsys.sockets.LineDecoder;
import fr.progsys.sockets.Protocol;
import fr.progsys.sockets.ServerConsole;
import fr.progsys.sockets.ServerOptions;

/**
 * Le même service avec UN seul thread : toutes les sockets sont en mode non
 * bloquant et un {@link Selector} (select/poll/epoll en C) dit lesquelles ont
 * quelque chose à faire. La socket d'écoute est « prête » quand une
 * connexion attend dans la file : accept ne bloque alors pas.
 *
 * <p>Marche aussi bien pour TCP que pour le domaine Unix : seul le canal
 * d'écoute change.
 */
@Example(name = "sockets.tcp.selector", slides = {"S17"},
        value = "Serveur TCP : un seul thread et un Selector",
        usage = "[--port N] [--all-interfaces] [--idle S] [--threads N]")
public final class SelectorServer implements TcpServer {

    /** Au-delà, on cesse de lire ce client tant qu'il ne lit pas. */
    static final int MAX_PENDING_OUTPUT = 64 * 1024;

    private final ServerSocketChannel listener;
    private final SocketAddress address;
    private final Selector selector;
    private final Duration idle;
    private final Consumer<String> log;
    private final Runnable afterClose;
    private final Set<Peer> peers = ConcurrentHashMap.newKeySet();
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

    /** L'état d'une connexion : ce qui est reçu, ce qui reste à envoyer. */
    private static final class Peer {
        final SocketChannel channel;
        final String name;
        final LineDecoder decoder = new LineDecoder(Protocol.MAX_LINE);
        final ArrayDeque<ByteBuffer> output = new ArrayDeque<>();
        int pending;
        long lastActive = System.nanoTime();
        boolean closeWhenFlushed;

        Peer(SocketChannel channel, String name) {
            this.channel = channel;
            this.name = name;
        }
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
            Peer peer = new Peer(ch, "client " + accepted
                    + (where.isEmpty() ? "" : " " + where));
            ch.register(selector, SelectionKey.OP_READ, peer);
            peers.add(peer);
            log.accept("connexion de " + peer.name);
        } catch (IOException e) {
            log.accept("accept : " + e.getMessage());
        }
    }

    // tag::serve[]
    private void serve(SelectionKey key) {
        Peer peer = (Peer) key.attachment();
        try {
            if (key.isReadable()) {
                readBuffer.clear();
                int n = peer.channel.read(readBuffer); // ne bloque pas
                if (n < 0) {
                    close(peer, peer.decoder.hasPartialLine()
                            ? "parti au milieu d'une ligne" : "parti");
                    return;
                }
                peer.lastActive = System.nanoTime();
                readBuffer.flip();
                for (LineDecoder.Line line : peer.decoder.feed(readBuffer)) {
                    Protocol.Reply reply = Protocol.reply(line);
                    queue(peer, reply.text());
                    if (reply.close()) {
                        peer.closeWhenFlushed = true;
                        break;
                    }
                }
            }
            flush(peer, key);
        } catch (IOException e) {
            close(peer, e.getMessage());
        }
    }
    // end::serve[]

    private void queue(Peer peer, String text) {
        byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
        peer.output.add(ByteBuffer.wrap(bytes));
        peer.pending += bytes.length;
    }

    /** Écrit ce que le noyau accepte ; le reste attend OP_WRITE. */
    private void flush(Peer peer, SelectionKey key) throws IOException {
        while (!peer.output.isEmpty()) {
            ByteBuffer head = peer.output.peek();
            peer.pending -= peer.channel.write(head); // écriture partielle
            if (head.hasRemaining()) {
                break; // tampon d'envoi plein : on reviendra
            }
            peer.output.poll();
        }
        if (peer.output.isEmpty() && peer.closeWhenFlushed) {
            close(peer, "fermé par le serveur");
            return;
        }
        int ops = 0;
        if (!peer.closeWhenFlushed && peer.pending < MAX_PENDING_OUTPUT) {
            ops |= SelectionKey.OP_READ;
        }
        if (!peer.output.isEmpty()) {
            ops |= SelectionKey.OP_WRITE;
        }
        key.interestOps(ops);
    }

    private long millisToNextIdleCheck() {
        long now = System.nanoTime();
        long next = idle.toNanos();
        for (Peer p : peers) {
            next = Math.min(next, p.lastActive + idle.toNanos() - now);
        }
        return Math.max(1, next / 1_000_000 + 1);
    }

    private void closeIdlePeers() {
        long now = System.nanoTime();
        for (Peer p : peers) {
            if (!p.closeWhenFlushed && now - p.lastActive >= idle.toNanos()) {
                queue(p, Protocol.IDLE);
                p.closeWhenFlushed = true;
                log.accept(p.name + " : inactif");
                try {
                    flush(p, p.channel.keyFor(selector));
                } catch (IOException e) {
                    close(p, e.getMessage());
                }
            }
        }
    }

    private void close(Peer peer, String why) {
        peers.remove(peer);
        try {
            peer.channel.close(); // annule aussi sa clé dans le Selector
        } catch (IOException e) {
            // déjà fermée
        }
        log.accept(peer.name + " : " + why);
    }

    private void closeEverything() {
        for (Peer p : peers) {
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
