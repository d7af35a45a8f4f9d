package fr.progsys.tp.udp;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.SocketAddress;
import java.time.Duration;

/**
 * TP service UDP, côté client : UDP peut perdre ou dupliquer un datagramme.
 * Le client numérote ses requêtes, réessaie après un délai sans réponse, et
 * ignore toute réponse qui ne porte pas le numéro attendu.
 */
public final class ClientUdp {

    private final DatagramSocket socket;
    private final SocketAddress serveur;
    private final Duration delai;
    private final int essais;
    private long seq;

    /** Client sur sa socket (port 0 : choisi par le système). */
    public ClientUdp(DatagramSocket socket, SocketAddress serveur,
            Duration delai, int essais) {
        this.socket = socket;
        this.serveur = serveur;
        this.delai = delai;
        this.essais = essais;
    }

    // tag::squelette[]
    /**
     * Ajoute n au total du serveur et rend le nouveau total. Lève
     * SocketTimeoutException après {@code essais} envois sans réponse.
     */
    public long ajouter(long n) throws IOException {
        // TODO 1 : prendre le numéro suivant (seq + 1).
        // TODO 2 : au plus essais fois : envoyer « seq n » (Datagrammes.envoyer)
        //          puis attendre la réponse au plus delai
        //          (socket.setSoTimeout) ; SocketTimeoutException : réessayer.
        // TODO 3 : une réponse d'un autre numéro (doublon, retard) : l'ignorer
        //          et continuer d'attendre.
        throw new UnsupportedOperationException("TP udp : à compléter"
                + " — ClientUdp.ajouter");
    }
    // end::squelette[]
}
