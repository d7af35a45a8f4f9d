package fr.progsys.bench.scale;

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
 * fait R allers-retours de {@value #SIZE} octets puis se ferme. Pendant ce
 * temps, un thread relève dans {@code /proc/<pid>/status} du serveur son nombre
 * de threads et sa mémoire résidente (VmRSS), et en garde le maximum.
 *
 * <p>Affiche {@code allers-retours/s;médiane_ms;p99_ms;threads;RSS_Mio;complet}.
 * S'arrête seul au bout de {@value #LIMIT_S} s au plus.
 */
public final class ClientLoad {

    static final int SIZE = 64;
    static final int CONNECTIONS_IN_FLIGHT = 200;
    static final int LIMIT_S = 90;

    private ClientLoad() {
    }

    /** L'état d'un client : son tampon et ses allers-retours restants. */
    private static final class Client {
        final ByteBuffer buffer = ByteBuffer.allocate(SIZE);
        int remaining;
        long t0;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long pid = Long.parseLong(args[1]);
        int n = Integer.parseInt(args[2]);
        int r = Integer.parseInt(args[3]);
        long deadline = System.nanoTime() + LIMIT_S * 1_000_000_000L;
        Sampler sampler = new Sampler(Path.of("/proc", Long.toString(pid), "status"));
        sampler.start();
        InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        long[] durations = new long[n * r];
        int measured = 0;
        long start;
        // Les descripteurs du serveur avant la première connexion (socket
        // d'écoute, fichiers de la JVM) : une connexion acceptée en ajoute un.
        long before = descriptors(pid);
        try (Selector selector = Selector.open()) {
            // 1. Ouvrir les N connexions, au plus CONNECTIONS_IN_FLIGHT à la fois.
            int opened = 0;
            int established = 0;
            SelectionKey[] keys = new SelectionKey[n];
            while (established < n && System.nanoTime() < deadline) {
                while (opened < n && opened - established < CONNECTIONS_IN_FLIGHT) {
                    SocketChannel c = SocketChannel.open();
                    c.configureBlocking(false);
                    keys[opened] = c.register(selector, SelectionKey.OP_CONNECT, new Client());
                    if (c.connect(server)) {
                        keys[opened].interestOps(0);
                        established++;
                    }
                    opened++;
                }
                selector.select(100);
                for (SelectionKey k : selector.selectedKeys()) {
                    ((SocketChannel) k.channel()).finishConnect();
                    k.interestOps(0);
                    established++;
                }
                selector.selectedKeys().clear();
            }
            // Le serveur a-t-il accepté toutes les connexions ? Ses descripteurs le disent.
            awaitDescriptors(pid, before + established, deadline);
            sampler.sample();
            // 2. Tous ensemble : R allers-retours chacun, puis fermeture.
            start = System.nanoTime();
            int active = established;
            for (int i = 0; i < established; i++) {
                Client client = (Client) keys[i].attachment();
                client.remaining = r;
                send(keys[i], client);
            }
            while (active > 0 && System.nanoTime() < deadline) {
                selector.select(100);
                Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
                while (ready.hasNext()) {
                    SelectionKey k = ready.next();
                    ready.remove();
                    Client client = (Client) k.attachment();
                    SocketChannel c = (SocketChannel) k.channel();
                    if (c.read(client.buffer) < 0) {
                        throw new IOException("le serveur a fermé une connexion");
                    }
                    if (client.buffer.hasRemaining()) {
                        continue; // écho incomplet : la suite arrivera
                    }
                    durations[measured++] = System.nanoTime() - client.t0;
                    if (--client.remaining > 0) {
                        send(k, client);
                    } else {
                        k.cancel();
                        c.close();
                        active--;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.finish();
        long[] d = Arrays.copyOf(durations, measured);
        Arrays.sort(d);
        System.out.printf("%.0f;%.3f;%.3f;%d;%.1f;%s%n", measured / seconds,
                d[d.length / 2] / 1e6, d[(int) (d.length * 0.99)] / 1e6,
                sampler.threads, sampler.rssKio / 1024.0, measured == n * r ? "oui" : "non");
    }

    /** Le nombre de descripteurs ouverts du processus {@code pid}. */
    private static long descriptors(long pid) throws IOException {
        try (var list = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return list.count();
        }
    }

    /** Attend (au plus 20 s) que le serveur ait au moins {@code n} descripteurs ouverts. */
    private static void awaitDescriptors(long pid, long n, long deadline)
            throws IOException, InterruptedException {
        long end = Math.min(deadline, System.nanoTime() + 20_000_000_000L);
        while (System.nanoTime() < end && descriptors(pid) < n) {
            Thread.sleep(10); // cadence de l'interrogation de /proc
        }
    }

    private static void send(SelectionKey k, Client client) throws IOException {
        client.buffer.clear();
        client.t0 = System.nanoTime();
        ((SocketChannel) k.channel()).write(client.buffer); // 64 octets : tient dans le tampon
        client.buffer.clear();
        k.interestOps(SelectionKey.OP_READ);
    }

    /** Relève toutes les 20 ms les lignes Threads et VmRSS du serveur. */
    private static final class Sampler extends Thread {
        private final Path status;
        private volatile boolean done;
        volatile int threads;
        volatile long rssKio;

        Sampler(Path status) {
            this.status = status;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!done) {
                try {
                    sample();
                    Thread.sleep(20); // cadence du relevé, pas une synchronisation
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        }

        synchronized void sample() throws IOException {
            for (String l : Files.readAllLines(status)) {
                if (l.startsWith("Threads:")) {
                    threads = Math.max(threads, number(l));
                } else if (l.startsWith("VmRSS:")) {
                    rssKio = Math.max(rssKio, number(l));
                }
            }
        }

        void finish() throws InterruptedException {
            done = true;
            join(1000);
        }

        private static int number(String line) {
            return Integer.parseInt(line.replaceAll("\\D", ""));
        }
    }
}
