package fr.progsys.sockets.support;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * Un client d'un serveur non bloquant ({@code SelectorServer}) : ce qui est
 * reçu et pas encore découpé en lignes, ce qui reste à envoyer, la dernière
 * activité. C'est la part « production » du serveur, gardée hors de la leçon
 * sur select() : contre-pression (on cesse de lire un client qui ne lit pas
 * ses réponses) et congé des inactifs.
 */
public final class Connection {

    /** Au-delà, on cesse de lire ce client tant qu'il ne lit pas. */
    public static final int MAX_PENDING_OUTPUT = 64 * 1024;

    private final SocketChannel channel;
    private final String name;
    private final LineDecoder decoder = new LineDecoder(Protocol.MAX_LINE);
    private final ArrayDeque<ByteBuffer> output = new ArrayDeque<>();
    private int pending;
    private long lastActive = System.nanoTime();
    private boolean closeWhenFlushed;

    public Connection(SocketChannel channel, String name) {
        this.channel = channel;
        this.name = name;
    }

    public SocketChannel channel() {
        return channel;
    }

    public String name() {
        return name;
    }

    /** Vrai si le client est parti au milieu d'une ligne. */
    public boolean hasPartialLine() {
        return decoder.hasPartialLine();
    }

    /**
     * Ce qui vient d'être lu : découpé en lignes, chaque ligne reçoit sa
     * réponse (mise en attente d'envoi) ; après « QUIT », on ne lit plus.
     */
    public void received(ByteBuffer bytes) {
        lastActive = System.nanoTime();
        for (LineDecoder.Line line : decoder.feed(bytes)) {
            Protocol.Reply reply = Protocol.reply(line);
            queue(reply.text());
            if (reply.close()) {
                closeWhenFlushed = true;
                break;
            }
        }
    }

    /** Met une ligne en attente d'envoi. */
    public void queue(String text) {
        byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
        output.add(ByteBuffer.wrap(bytes));
        pending += bytes.length;
    }

    /**
     * Écrit ce que le noyau accepte (une écriture peut être partielle : le
     * tampon d'envoi est plein) et rend les événements à surveiller ensuite :
     * OP_WRITE s'il reste à envoyer, OP_READ si le client n'a pas trop de
     * réponses en retard.
     *
     * @return les opérations pour {@link SelectionKey#interestOps(int)}, ou
     *         −1 si tout est parti et que la connexion doit être fermée
     */
    public int flush() throws IOException {
        while (!output.isEmpty()) {
            ByteBuffer head = output.peek();
            pending -= channel.write(head);
            if (head.hasRemaining()) {
                break; // tampon d'envoi plein : on reviendra sur OP_WRITE
            }
            output.poll();
        }
        if (output.isEmpty() && closeWhenFlushed) {
            return -1;
        }
        int ops = 0;
        if (!closeWhenFlushed && pending < MAX_PENDING_OUTPUT) {
            ops |= SelectionKey.OP_READ;
        }
        if (!output.isEmpty()) {
            ops |= SelectionKey.OP_WRITE;
        }
        return ops;
    }

    /** Dans combien de nanosecondes ce client sera inactif depuis {@code idle}. */
    public long nanosUntilIdle(long now, Duration idle) {
        return lastActive + idle.toNanos() - now;
    }

    /**
     * Si le client est inactif depuis {@code idle} : lui dit au revoir et
     * demande la fermeture une fois le message parti.
     *
     * @return vrai si le client vient d'être congédié
     */
    public boolean dismissIfIdle(long now, Duration idle) {
        if (closeWhenFlushed || nanosUntilIdle(now, idle) > 0) {
            return false;
        }
        queue(Protocol.IDLE);
        closeWhenFlushed = true;
        return true;
    }
}
