package fr.progsys.bench.echelle;

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
 * le JDK 21 {@code virtuels} : le code de {@code threads}, mais chaque
 * connexion sur un thread virtuel (M:N, porté par les quelques threads de
 * plateforme d'un {@code ForkJoinPool}).
 *
 * <p>Ce sont des jumeaux simplifiés des serveurs du chapitre Sockets : ceux-ci
 * parlent un protocole à lignes et gèrent délais et contre-pression ; la
 * mesure d'échelle ne veut que le coût de l'architecture (un thread par
 * connexion, un pool, un Selector, des threads virtuels), donc un simple écho.
 *
 * <p>Affiche son port, puis sert jusqu'à ce que son entrée standard se ferme
 * (le processus qui l'a lancé a fini ou a disparu) : il s'arrête toujours seul.
 */
public final class ServeurEcho {

    /** Taille du pool fixe. */
    public static final int POOL = 64;

    private ServeurEcho() {
    }

    public static void main(String[] args) throws IOException {
        ServerSocketChannel serveur = ServerSocketChannel.open();
        serveur.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10_000);
        System.out.println(((InetSocketAddress) serveur.getLocalAddress()).getPort());
        System.out.flush();
        Thread service = switch (args[0]) {
            case "threads" -> new Thread(() -> bloquant(serveur, null), "accepteur");
            case "pool" -> new Thread(() -> bloquant(serveur,
                    Executors.newFixedThreadPool(POOL)), "accepteur");
            case "selector" -> new Thread(() -> selecteur(serveur), "selecteur");
            case "virtuels" -> new Thread(() -> bloquant(serveur, unThreadVirtuelParTache()),
                    "accepteur");
            default -> throw new IllegalArgumentException(args[0]);
        };
        service.setDaemon(true);
        service.start();
        attendreFinDeEntree(System.in);
        System.exit(0);
    }

    private static void attendreFinDeEntree(InputStream in) throws IOException {
        while (in.read() != -1) {
            // rien : on attend la fin du flux
        }
    }

    /**
     * {@code Executors.newVirtualThreadPerTaskExecutor()}, appelé par
     * réflexion : ce module est compilé pour Java 17, où la méthode n'existe pas.
     */
    static ExecutorService unThreadVirtuelParTache() {
        try {
            return (ExecutorService) Executors.class
                    .getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("les threads virtuels demandent un JDK 21 ou "
                    + "plus récent (JDK actuel : " + Runtime.version() + ")", e);
        }
    }

    /** Vrai si cette JVM a les threads virtuels (JDK 21 et suivants). */
    public static boolean threadsVirtuels() {
        return Runtime.version().feature() >= 21;
    }

    /** accept bloquant ; chaque connexion va à un nouveau thread, ou au pool. */
    private static void bloquant(ServerSocketChannel serveur, ExecutorService pool) {
        try {
            while (true) {
                SocketChannel client = serveur.accept();
                Runnable echo = () -> echoBloquant(client);
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
    private static void echoBloquant(SocketChannel client) {
        ByteBuffer tampon = ByteBuffer.allocate(1024);
        try (client) {
            while (client.read(tampon) > 0) {
                tampon.flip();
                while (tampon.hasRemaining()) {
                    client.write(tampon);
                }
                tampon.clear();
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
    private static void selecteur(ServerSocketChannel serveur) {
        ByteBuffer commun = ByteBuffer.allocateDirect(64 * 1024);
        try (Selector selector = Selector.open()) {
            serveur.configureBlocking(false);
            serveur.register(selector, SelectionKey.OP_ACCEPT);
            while (true) {
                selector.select();
                Iterator<SelectionKey> prets = selector.selectedKeys().iterator();
                while (prets.hasNext()) {
                    SelectionKey cle = prets.next();
                    prets.remove();
                    if (cle.isAcceptable()) {
                        for (SocketChannel c; (c = serveur.accept()) != null; ) {
                            c.configureBlocking(false);
                            c.register(selector, SelectionKey.OP_READ);
                        }
                    } else {
                        echoNonBloquant(cle, commun);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("select a échoué", e);
        }
    }

    private static void echoNonBloquant(SelectionKey cle, ByteBuffer commun) {
        SocketChannel c = (SocketChannel) cle.channel();
        try {
            ByteBuffer reste = (ByteBuffer) cle.attachment();
            if (reste == null) {
                commun.clear();
                if (c.read(commun) < 0) {
                    cle.cancel();
                    c.close();
                    return;
                }
                commun.flip();
                reste = commun;
            }
            c.write(reste); // peut n'écrire qu'une partie : le reste attend OP_WRITE
            if (reste.hasRemaining()) {
                ByteBuffer garde = ByteBuffer.allocate(reste.remaining()).put(reste).flip();
                cle.attach(garde);
                cle.interestOps(SelectionKey.OP_WRITE);
            } else {
                cle.attach(null);
                cle.interestOps(SelectionKey.OP_READ);
            }
        } catch (IOException e) {
            cle.cancel();
            try {
                c.close();
            } catch (IOException ignoree) {
                // déjà fermée
            }
        }
    }
}
