package fr.progsys.tp.udp;

import java.io.IOException;
import java.net.DatagramSocket;

/**
 * TP service UDP, côté serveur : un compteur partagé. Chaque requête
 * « seq n » ajoute n au total, la réponse « seq total » part vers l'adresse
 * et le port d'où vient la requête. Une requête répétée (même client, même
 * seq : la réponse s'était perdue) n'est pas appliquée deux fois : le serveur
 * renvoie la réponse qu'il avait déjà faite.
 */
public final class ServeurUdp {

    private final DatagramSocket socket;

    public ServeurUdp(DatagramSocket socket) {
        this.socket = socket;
    }

    // tag::squelette[]
    /** Sert les requêtes jusqu'à la fermeture de la socket. */
    public void servir() throws IOException {
        // TODO 1 : boucle : recevoir un paquet (Datagrammes.paquet(),
        //          socket.receive), le décoder (Datagrammes.lire).
        // TODO 2 : retenir, par client (p.getSocketAddress()), la dernière
        //          seq et sa réponse ; une seq déjà vue : renvoyer la même
        //          réponse sans rien ajouter.
        // TODO 3 : sinon ajouter au total et répondre au client.
        // Quand la socket est fermée, receive lève SocketException : sortir.
        throw new UnsupportedOperationException("TP udp : à compléter"
                + " — ServeurUdp.servir");
    }

    /** Le total courant. */
    public synchronized long total() {
        // TODO 4 : rendre le total (lu et écrit sous le même verrou).
        throw new UnsupportedOperationException("TP udp : à compléter"
                + " — ServeurUdp.total");
    }
    // end::squelette[]

    public DatagramSocket socket() {
        return socket;
    }
}
