package fr.progsys.tp.udp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** Solution du TP service UDP, côté client. */
public final class ClientUdp {

    private final DatagramSocket socket;
    private final SocketAddress serveur;
    private final Duration delai;
    private final int essais;
    private long seq;

    public ClientUdp(DatagramSocket socket, SocketAddress serveur,
            Duration delai, int essais) {
        this.socket = socket;
        this.serveur = serveur;
        this.delai = delai;
        this.essais = essais;
    }

    // tag::solution-client[]
    public long ajouter(long n) throws IOException {
        seq++;
        socket.setSoTimeout((int) delai.toMillis());
        for (int essai = 1; essai <= essais; essai++) {
            Datagrammes.envoyer(socket, serveur, seq, n);
            try {
                while (true) {
                    DatagramPacket p = Datagrammes.paquet();
                    socket.receive(p);
                    Datagrammes.Message r = Datagrammes.lire(p);
                    if (r.seq() == seq) {
                        return r.valeur();
                    } // réponse en retard ou en double : on l'ignore
                }
            } catch (SocketTimeoutException perdu) {
                // requête ou réponse perdue : on renvoie la même requête
            }
        }
        throw new SocketTimeoutException("pas de réponse après " + essais
                + " essais");
    }
    // end::solution-client[]
}
