package fr.progsys.sockets.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

import fr.progsys.sockets.support.LineDecoder;
import fr.progsys.sockets.support.Protocol;
import fr.progsys.sockets.support.ServerConsole;

/**
 * Le dialogue avec un client, en mode bloquant : ce que fait le thread (ou le
 * processus fils, en C) créé pour chaque connexion acceptée.
 */
final class Conversation implements Runnable {

    private final Socket socket;
    private final Duration idle;
    private final Consumer<String> log;

    Conversation(Socket socket, Duration idle, Consumer<String> log) {
        this.socket = socket;
        this.idle = idle;
        this.log = log;
    }

    @Override
    public void run() {
        String who = ServerConsole.show(socket.getRemoteSocketAddress());
        try (socket) {
            try {
                talk(who);
            } catch (SocketTimeoutException e) {
                say(Protocol.IDLE);
                log.accept(who + " : inactif, fermé");
            }
        } catch (IOException e) {
            log.accept(who + " : " + e.getMessage());
        }
    }

    // tag::talk[]
    private void talk(String who) throws IOException {
        // Au-delà de ce délai sans rien recevoir, read lève
        // SocketTimeoutException : un client muet ne garde pas un thread.
        socket.setSoTimeout((int) idle.toMillis());
        InputStream in = socket.getInputStream();
        LineDecoder decoder = new LineDecoder(Protocol.MAX_LINE);
        byte[] chunk = new byte[4096];
        int n;
        while ((n = in.read(chunk)) > 0) { // bloque ; rend ce qui est là
            for (LineDecoder.Line line : decoder.feed(chunk, n)) {
                Protocol.Reply reply = Protocol.reply(line);
                send(reply.text());
                if (reply.close()) { // QUIT ou ligne trop longue : on ferme
                    log.accept(who + " : fermé (" + reply.text() + ")");
                    return;
                }
            }
        }
        // n == -1 : le client a fermé (fin de flot)
        log.accept(who + (decoder.hasPartialLine()
                ? " : parti au milieu d'une ligne" : " : parti"));
    }
    // end::talk[]

    private void send(String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void say(String text) {
        try {
            send(text);
        } catch (IOException e) {
            // le client est déjà parti : rien à dire
        }
    }
}
