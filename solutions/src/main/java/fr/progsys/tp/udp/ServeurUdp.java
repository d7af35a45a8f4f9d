package fr.progsys.tp.udp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.HashMap;
import java.util.Map;

/** Solution du TP service UDP, côté serveur. */
public final class ServeurUdp {

    private final DatagramSocket socket;
    private long total;

    public ServeurUdp(DatagramSocket socket) {
        this.socket = socket;
    }

    // tag::solution-serveur[]
    /** La dernière requête vue d'un client et la réponse qu'il a reçue. */
    private record Derniere(long seq, long reponse) {
    }

    public void servir() throws IOException {
        Map<SocketAddress, Derniere> dernieres = new HashMap<>();
        while (true) {
            DatagramPacket p = Datagrammes.paquet();
            try {
                socket.receive(p); // recvfrom : bloque jusqu'au datagramme
            } catch (SocketException fermee) {
                return;
            }
            Datagrammes.Message m = Datagrammes.lire(p);
            SocketAddress client = p.getSocketAddress(); // qui a écrit
            Derniere d = dernieres.get(client);
            if (d == null || d.seq() != m.seq()) {
                d = new Derniere(m.seq(), ajouter(m.valeur()));
                dernieres.put(client, d);
            } // sinon : un doublon, la réponse déjà faite repart telle quelle
            Datagrammes.envoyer(socket, client, d.seq(), d.reponse());
        }
    }

    private synchronized long ajouter(long n) {
        total += n;
        return total;
    }

    public synchronized long total() {
        return total;
    }
    // end::solution-serveur[]

    public DatagramSocket socket() {
        return socket;
    }
}
