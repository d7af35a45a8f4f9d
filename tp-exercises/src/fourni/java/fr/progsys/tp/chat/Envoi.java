package fr.progsys.tp.chat;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Code fourni : la file d'envoi d'un client. {@link #envoyer} ne bloque
 * jamais : la ligne attend dans une file bornée, et un thread à part,
 * l'écrivain, l'écrit sur la socket. Seul l'écrivain peut bloquer (quand le
 * client ne lit plus et que les tampons TCP sont pleins) : il ne bloque que
 * lui-même. Un client dont la file déborde ({@link #CAPACITE} lignes en
 * retard) est déconnecté : sa socket est fermée, ce que le thread qui lit ce
 * client voit comme un départ.
 *
 * <p>La sonde est prévenue de chaque ligne confiée, dans le thread qui la
 * confie : les tests s'en servent pour retenir une diffusion en cours.
 */
public final class Envoi implements AutoCloseable {

    /** Observateur des lignes confiées. */
    public interface Sonde {

        /** La sonde qui ne fait rien. */
        Sonde AUCUNE = new Sonde() {
        };

        /** Une ligne va être confiée à la file d'un client. */
        default void confiee(String ligne) {
        }
    }

    /** Lignes en retard au-delà desquelles le client est déconnecté. */
    public static final int CAPACITE = 1000;

    private final Socket socket;
    private final Sonde sonde;
    private final BlockingQueue<String> file = new ArrayBlockingQueue<>(CAPACITE);
    private final Thread ecrivain;

    /** Prépare l'envoi vers ce client et démarre son écrivain. */
    public Envoi(Socket socket, Sonde sonde) throws IOException {
        this.socket = socket;
        this.sonde = sonde;
        Writer sortie = new OutputStreamWriter(socket.getOutputStream(),
                StandardCharsets.UTF_8);
        ecrivain = new Thread(() -> ecrire(sortie), "envoi-" + socket.getPort());
        ecrivain.setDaemon(true);
        ecrivain.start();
    }

    /** Confie une ligne à l'écrivain ; ne bloque jamais. */
    public void envoyer(String ligne) {
        sonde.confiee(ligne);
        if (!file.offer(ligne)) {
            couper(); // le client ne lit plus : il est déconnecté
        }
    }

    private void ecrire(Writer sortie) {
        try {
            while (true) {
                String ligne = file.take();
                sortie.write(ligne);
                sortie.write('\n');
                if (file.isEmpty()) {
                    sortie.flush();
                }
            }
        } catch (InterruptedException fin) {
            // close() : plus rien à écrire
        } catch (IOException coupee) {
            couper();
        }
    }

    private void couper() {
        try {
            socket.close();
        } catch (IOException ignoree) {
            // déjà fermée
        }
    }

    /** Arrête l'écrivain (la socket, elle, reste à fermer par son lecteur). */
    @Override
    public void close() {
        ecrivain.interrupt();
    }
}
