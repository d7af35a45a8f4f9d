package fr.progsys.tp.udp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Code fourni : le protocole du TP, deux nombres en texte dans un datagramme.
 * Requête « seq n » (ajouter n au total), réponse « seq total ».
 */
public final class Datagrammes {

    /** Taille maximale d'un message du protocole. */
    public static final int TAILLE = 64;

    private Datagrammes() {
    }

    /** Un message : numéro de séquence et valeur. */
    public record Message(long seq, long valeur) {
    }

    /** Envoie « seq valeur » à l'adresse donnée (sendto). */
    public static void envoyer(DatagramSocket s, SocketAddress a, long seq,
            long valeur) throws IOException {
        byte[] b = (seq + " " + valeur).getBytes(StandardCharsets.US_ASCII);
        s.send(new DatagramPacket(b, b.length, a));
    }

    /** Un paquet prêt à recevoir un message (recvfrom). */
    public static DatagramPacket paquet() {
        return new DatagramPacket(new byte[TAILLE], TAILLE);
    }

    /** Décode le message reçu dans le paquet. */
    public static Message lire(DatagramPacket p) {
        String[] parts = new String(p.getData(), p.getOffset(), p.getLength(),
                StandardCharsets.US_ASCII).strip().split(" ");
        return new Message(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }
}
