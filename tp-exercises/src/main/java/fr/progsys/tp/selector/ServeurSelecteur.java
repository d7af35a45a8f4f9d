package fr.progsys.tp.selector;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayDeque;
import java.util.Deque;

import fr.progsys.tp.chat.ServeurDeChat;

/**
 * TP serveur à Selector : le même chat, servi par un seul thread. Aucun appel
 * ne bloque sur un client : le Selector (select/epoll du noyau) dit quelles
 * connexions sont prêtes, et le thread ne traite que celles-là.
 */
public final class ServeurSelecteur implements ServeurDeChat {

    // tag::etat[]
    /** L'état d'un client, attaché à sa clé (SelectionKey.attachment). */
    static final class Client {
        String pseudo;                                    // null : pas encore
        final ByteBuffer lu = ByteBuffer.allocate(4096);  // octets reçus
        final Deque<ByteBuffer> aEcrire = new ArrayDeque<>(); // en attente
    }

    private final ServerSocketChannel ecoute;
    private final Selector selecteur;
    private volatile boolean arret;
    // end::etat[]

    /** Le canal écoute déjà (bind fait) ; il sera passé en non bloquant. */
    public ServeurSelecteur(ServerSocketChannel ecoute) throws IOException {
        this.ecoute = ecoute;
        this.selecteur = Selector.open();
    }

    @Override
    public int port() {
        return ecoute.socket().getLocalPort();
    }

    // tag::squelette[]
    @Override
    public void servir() throws IOException {
        // TODO 1 : ecoute en non bloquant, l'inscrire pour OP_ACCEPT.
        // TODO 2 : tant que !arret : select(), puis pour chaque clé prête :
        //          acceptable → accepter ; lisible → lire ; inscriptible →
        //          ecrire. Retirer chaque clé traitée de selectedKeys().
        // TODO 3 : à l'arrêt, fermer chaque canal, le sélecteur et ecoute.
        throw new UnsupportedOperationException("TP selector : à compléter"
                + " — ServeurSelecteur.servir");
    }

    /** Nouvelle connexion : non bloquante, inscrite pour OP_READ. */
    void accepter(SelectionKey cle) throws IOException {
        // TODO 4 : accept, configureBlocking(false), register(selecteur,
        //          OP_READ, new Client()).
        throw new UnsupportedOperationException("TP selector : à compléter"
                + " — ServeurSelecteur.accepter");
    }

    /** Données (ou fin de flux) d'un client. */
    void lire(SelectionKey cle) throws IOException {
        // TODO 5 : read dans client.lu ; -1 ou IOException : départ (fermer,
        //          annuler la clé, diffuser le départ s'il avait un pseudo).
        //          Sinon Lignes.extraire : la première ligne est le pseudo
        //          (diffuser l'arrivée), les suivantes des messages.
        throw new UnsupportedOperationException("TP selector : à compléter"
                + " — ServeurSelecteur.lire");
    }

    /** Le canal accepte à nouveau des octets : vider la file du client. */
    void ecrire(SelectionKey cle) throws IOException {
        // TODO 6 : write tant que la tête de file se vide entièrement ;
        //          file vide : ne plus demander OP_WRITE (OP_READ seul).
        throw new UnsupportedOperationException("TP selector : à compléter"
                + " — ServeurSelecteur.ecrire");
    }

    /** Met la ligne dans la file de chaque client qui a un pseudo. */
    void diffuser(String ligne) {
        // TODO 7 : pour chaque clé de selecteur.keys() portant un Client
        //          nommé : ajouter Lignes.encoder(ligne) à sa file et
        //          demander OP_READ | OP_WRITE.
        throw new UnsupportedOperationException("TP selector : à compléter"
                + " — ServeurSelecteur.diffuser");
    }

    @Override
    public void close() {
        // TODO 8 : demander l'arrêt et réveiller select() (wakeup).
        throw new UnsupportedOperationException("TP selector : à compléter"
                + " — ServeurSelecteur.close");
    }
    // end::squelette[]
}
