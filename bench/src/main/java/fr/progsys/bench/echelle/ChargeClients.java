package fr.progsys.bench.echelle;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;

/**
 * N clients TCP simultanés, tenus par un seul thread (un {@link Selector}) pour
 * que le client coûte peu : (1) les N connexions s'ouvrent toutes, (2) chacune
 * fait R allers-retours de {@value #TAILLE} octets puis se ferme. Pendant ce
 * temps, un thread relève dans {@code /proc/<pid>/status} du serveur son nombre
 * de threads et sa mémoire résidente (VmRSS), et en garde le maximum.
 *
 * <p>Affiche {@code allers-retours/s;médiane_ms;p99_ms;threads;RSS_Mio;complet}.
 * S'arrête seul au bout de {@value #LIMITE_S} s au plus.
 */
public final class ChargeClients {

    static final int TAILLE = 64;
    static final int CONNEXIONS_EN_VOL = 200;
    static final int LIMITE_S = 90;

    private ChargeClients() {
    }

    /** L'état d'un client : son tampon et ses allers-retours restants. */
    private static final class Client {
        final ByteBuffer tampon = ByteBuffer.allocate(TAILLE);
        int restants;
        long t0;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long pid = Long.parseLong(args[1]);
        int n = Integer.parseInt(args[2]);
        int r = Integer.parseInt(args[3]);
        long limite = System.nanoTime() + LIMITE_S * 1_000_000_000L;
        Releve releve = new Releve(Path.of("/proc", Long.toString(pid), "status"));
        releve.start();
        InetSocketAddress serveur = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        long[] durees = new long[n * r];
        int mesures = 0;
        long debut;
        try (Selector selector = Selector.open()) {
            // 1. Ouvrir les N connexions, au plus CONNEXIONS_EN_VOL à la fois.
            int ouvertes = 0;
            int etablies = 0;
            SelectionKey[] cles = new SelectionKey[n];
            while (etablies < n && System.nanoTime() < limite) {
                while (ouvertes < n && ouvertes - etablies < CONNEXIONS_EN_VOL) {
                    SocketChannel c = SocketChannel.open();
                    c.configureBlocking(false);
                    cles[ouvertes] = c.register(selector, SelectionKey.OP_CONNECT, new Client());
                    if (c.connect(serveur)) {
                        cles[ouvertes].interestOps(0);
                        etablies++;
                    }
                    ouvertes++;
                }
                selector.select(100);
                for (SelectionKey k : selector.selectedKeys()) {
                    ((SocketChannel) k.channel()).finishConnect();
                    k.interestOps(0);
                    etablies++;
                }
                selector.selectedKeys().clear();
            }
            // Le serveur a-t-il accepté toutes les connexions ? Ses descripteurs le disent.
            attendreDescripteurs(pid, etablies, limite);
            releve.relever();
            // 2. Tous ensemble : R allers-retours chacun, puis fermeture.
            debut = System.nanoTime();
            int actifs = etablies;
            for (int i = 0; i < etablies; i++) {
                Client cl = (Client) cles[i].attachment();
                cl.restants = r;
                envoyer(cles[i], cl);
            }
            while (actifs > 0 && System.nanoTime() < limite) {
                selector.select(100);
                Iterator<SelectionKey> prets = selector.selectedKeys().iterator();
                while (prets.hasNext()) {
                    SelectionKey k = prets.next();
                    prets.remove();
                    Client cl = (Client) k.attachment();
                    SocketChannel c = (SocketChannel) k.channel();
                    if (c.read(cl.tampon) < 0) {
                        throw new IOException("le serveur a fermé une connexion");
                    }
                    if (cl.tampon.hasRemaining()) {
                        continue; // écho incomplet : la suite arrivera
                    }
                    durees[mesures++] = System.nanoTime() - cl.t0;
                    if (--cl.restants > 0) {
                        envoyer(k, cl);
                    } else {
                        k.cancel();
                        c.close();
                        actifs--;
                    }
                }
            }
        }
        double secondes = (System.nanoTime() - debut) / 1e9;
        releve.arreter();
        long[] d = Arrays.copyOf(durees, mesures);
        Arrays.sort(d);
        System.out.printf("%.0f;%.3f;%.3f;%d;%.1f;%s%n", mesures / secondes,
                d[d.length / 2] / 1e6, d[(int) (d.length * 0.99)] / 1e6,
                releve.threads, releve.rssKio / 1024.0, mesures == n * r ? "oui" : "non");
    }

    /** Attend (au plus 20 s) que le serveur ait au moins {@code n} descripteurs ouverts. */
    private static void attendreDescripteurs(long pid, int n, long limite)
            throws IOException, InterruptedException {
        Path fd = Path.of("/proc", Long.toString(pid), "fd");
        long fin = Math.min(limite, System.nanoTime() + 20_000_000_000L);
        while (System.nanoTime() < fin) {
            try (var liste = Files.list(fd)) {
                if (liste.count() >= n) {
                    return;
                }
            }
            Thread.sleep(10); // cadence de l'interrogation de /proc
        }
    }

    private static void envoyer(SelectionKey k, Client cl) throws IOException {
        cl.tampon.clear();
        cl.t0 = System.nanoTime();
        ((SocketChannel) k.channel()).write(cl.tampon); // 64 octets : tient dans le tampon
        cl.tampon.clear();
        k.interestOps(SelectionKey.OP_READ);
    }

    /** Relève toutes les 20 ms les lignes Threads et VmRSS du serveur. */
    private static final class Releve extends Thread {
        private final Path status;
        private volatile boolean fini;
        volatile int threads;
        volatile long rssKio;

        Releve(Path status) {
            this.status = status;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!fini) {
                try {
                    relever();
                    Thread.sleep(20); // cadence du relevé, pas une synchronisation
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        }

        synchronized void relever() throws IOException {
            for (String l : Files.readAllLines(status)) {
                if (l.startsWith("Threads:")) {
                    threads = Math.max(threads, nombre(l));
                } else if (l.startsWith("VmRSS:")) {
                    rssKio = Math.max(rssKio, nombre(l));
                }
            }
        }

        void arreter() throws InterruptedException {
            fini = true;
            join(1000);
        }

        private static int nombre(String ligne) {
            return Integer.parseInt(ligne.replaceAll("\\D", ""));
        }
    }
}
