package fr.progsys.bench.scale;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Iterator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Les serveurs d'écho TCP sur la boucle locale, pour la mesure d'échelle :
 * {@code threads} (un thread par connexion), {@code pool} (un pool fixe de
 * {@value #POOL} threads ; chaque connexion garde son thread jusqu'à sa
 * fermeture), {@code selector} (un seul thread, un {@link Selector}), et depuis
 * le JDK 21 {@code virtual} : le code de {@code threads}, mais chaque
 * connexion sur un thread virtuel (M:N, porté par les quelques threads de
 * plateforme d'un {@code ForkJoinPool}).
 *
 * <p>Ce sont des jumeaux simplifiés des serveurs du chapitre Sockets
 * ({@code ThreadPerConnectionServer}, {@code PooledServer},
 * {@code SelectorServer}, {@code VirtualThreadServer}) : ceux-ci parlent un
 * protocole à lignes (chaque octet passe par un décodeur de lignes) et gèrent
 * délais d'inactivité et contre-pression, un travail par message que la
 * mesure d'échelle ne veut pas compter ; elle ne veut que le coût de
 * l'architecture, donc un simple écho. Le chapitre des coûts le dit.
 *
 * <p>Affiche son port, puis sert jusqu'à ce que son entrée standard se ferme
 * (le processus qui l'a lancé a fini ou a disparu) : il s'arrête toujours seul.
 */
public final class EchoServers {

    /** Taille du pool fixe. */
    public static final int POOL = 64;

    private EchoServers() {
    }

    public static void main(String[] args) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10_000);
        System.out.println(((InetSocketAddress) server.getLocalAddress()).getPort());
        System.out.flush();
        Thread service = switch (args[0]) {
            case "threads" -> new Thread(() -> blocking(server, null), "accepteur");
            case "pool" -> new Thread(() -> blocking(server,
                    Executors.newFixedThreadPool(POOL)), "accepteur");
            case "selector" -> new Thread(() -> selecting(server), "selecteur");
            case "virtual" -> new Thread(() -> blocking(server, virtualThreadPerTask()),
                    "accepteur");
            default -> throw new IllegalArgumentException(args[0]);
        };
        service.setDaemon(true);
        service.start();
        awaitEndOfInput(System.in);
        System.exit(0);
    }

    private static void awaitEndOfInput(InputStream in) throws IOException {
        while (in.read() != -1) {
            // rien : on attend la fin du flux
        }
    }

    /**
     * {@code Executors.newVirtualThreadPerTaskExecutor()}, appelé par
     * réflexion : ce module est compilé pour Java 17, où la méthode n'existe pas.
     */
    static ExecutorService virtualThreadPerTask() {
        try {
            return (ExecutorService) Executors.class
                    .getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("les threads virtuels demandent un JDK 21 ou "
                    + "plus récent (JDK actuel : " + Runtime.version() + ")", e);
        }
    }

    /** Vrai si cette JVM a les threads virtuels (JDK 21 et suivants). */
    public static boolean hasVirtualThreads() {
        return Runtime.version().feature() >= 21;
    }

    /** accept bloquant ; chaque connexion va à un nouveau thread, ou au pool. */
    private static void blocking(ServerSocketChannel server, ExecutorService pool) {
        try {
            while (true) {
                SocketChannel client = server.accept();
                Runnable echo = () -> blockingEcho(client);
                if (pool == null) {
                    Thread t = new Thread(echo);
                    t.setDaemon(true);
                    t.start();
                } else {
                    pool.execute(echo);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("accept a échoué", e);
        }
    }

    /** Le thread dort dans read() tant que son client n'envoie rien. */
    private static void blockingEcho(SocketChannel client) {
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        try (client) {
            while (client.read(buffer) > 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    client.write(buffer);
                }
                buffer.clear();
            }
        } catch (IOException e) {
            // client parti brutalement : la connexion est finie
        }
    }

    /**
     * Un seul thread : select() dit quelles connexions ont des octets à lire.
     * Un seul tampon sert à toutes ; une connexion ne garde ses propres octets
     * que si le noyau n'a pas pu tout renvoyer d'un coup (tampon d'envoi plein).
     */
    private static void selecting(ServerSocketChannel server) {
        ByteBuffer shared = ByteBuffer.allocateDirect(64 * 1024);
        try (Selector selector = Selector.open()) {
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
            while (true) {
                selector.select();
                Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
                while (ready.hasNext()) {
                    SelectionKey key = ready.next();
                    ready.remove();
                    if (key.isAcceptable()) {
                        for (SocketChannel c; (c = server.accept()) != null; ) {
                            c.configureBlocking(false);
                            c.register(selector, SelectionKey.OP_READ);
                        }
                    } else {
                        nonBlockingEcho(key, shared);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("select a échoué", e);
        }
    }

    private static void nonBlockingEcho(SelectionKey key, ByteBuffer shared) {
        SocketChannel c = (SocketChannel) key.channel();
        try {
            ByteBuffer rest = (ByteBuffer) key.attachment();
            if (rest == null) {
                shared.clear();
                if (c.read(shared) < 0) {
                    key.cancel();
                    c.close();
                    return;
                }
                shared.flip();
                rest = shared;
            }
            c.write(rest); // peut n'écrire qu'une partie : le reste attend OP_WRITE
            if (rest.hasRemaining()) {
                ByteBuffer kept = ByteBuffer.allocate(rest.remaining()).put(rest).flip();
                key.attach(kept);
                key.interestOps(SelectionKey.OP_WRITE);
            } else {
                key.attach(null);
                key.interestOps(SelectionKey.OP_READ);
            }
        } catch (IOException e) {
            key.cancel();
            try {
                c.close();
            } catch (IOException ignored) {
                // déjà fermée
            }
        }
    }
}
