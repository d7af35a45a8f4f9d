package fr.progsys.sockets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Un client de test pour le protocole ligne, en TCP comme dans le domaine
 * Unix : chaque lecture a un délai (par un Selector), aucune ne peut bloquer
 * un test indéfiniment.
 */
public final class LineClient implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final SocketChannel channel;
    private final Selector selector;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private boolean eof;

    private LineClient(SocketChannel channel) throws IOException {
        this.channel = channel;
        this.selector = Selector.open();
        channel.configureBlocking(false);
        channel.register(selector, SelectionKey.OP_READ);
    }

    /** Se connecte (sur la boucle locale ou un fichier de socket). */
    public static LineClient connect(SocketAddress server) {
        try {
            return new LineClient(SocketChannel.open(server));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SocketChannel channel() {
        return channel;
    }

    /** Envoie une ligne (le {@code \n} est ajouté). */
    public LineClient send(String line) {
        return sendBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Envoie des octets bruts, tels quels. */
    public LineClient sendBytes(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try {
            while (b.hasRemaining()) {
                if (channel.write(b) == 0 && System.nanoTime() > deadline) {
                    throw new AssertionError("écriture bloquée");
                }
                if (b.hasRemaining()) {
                    Thread.onSpinWait();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** La ligne suivante, ou {@code null} si le serveur a fermé. */
    public String readLine() {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            byte[] all = received.toByteArray();
            for (int i = 0; i < all.length; i++) {
                if (all[i] == '\n') {
                    received.reset();
                    received.write(all, i + 1, all.length - i - 1);
                    return new String(all, 0, i, StandardCharsets.UTF_8);
                }
            }
            if (eof) {
                return null;
            }
            fill(deadline);
        }
    }

    /** Vrai quand le serveur a fermé : lit (et jette) jusqu'à la fin de flot. */
    public boolean awaitClosedByServer() {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!eof) {
            fill(deadline);
        }
        return true;
    }

    private void fill(long deadline) {
        try {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new AssertionError("pas de réponse en " + TIMEOUT);
            }
            selector.select(left);
            selector.selectedKeys().clear();
            ByteBuffer b = ByteBuffer.allocate(8192);
            int n = channel.read(b);
            if (n < 0) {
                eof = true;
            } else {
                received.write(b.array(), 0, n);
            }
        } catch (IOException e) {
            eof = true; // connexion réinitialisée : fermée aussi
        }
    }

    @Override
    public void close() {
        try {
            selector.close();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
