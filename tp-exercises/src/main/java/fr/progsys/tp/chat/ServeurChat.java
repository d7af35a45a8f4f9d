package fr.progsys.tp.chat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;

/**
 * TP chat TCP : un thread par client. Le thread principal ne fait
 * qu'accepter ; chaque connexion a son thread qui lit ses lignes et les
 * diffuse à tous. L'écriture passe par la file d'envoi de chaque client
 * ({@link Envoi}, fourni) : aucun client, muet, lent ou qui ne lit plus, ne
 * peut bloquer les autres.
 */
public final class ServeurChat implements ServeurDeChat {

    // tag::etat[]
    private final ServerSocket ecoute;
    /** Pour les tests : à donner à chaque new Envoi(socket, sonde). */
    private final Envoi.Sonde sonde;
    /** Les files d'envoi des clients présents (accès sous verrou). */
    private final Set<Envoi> presents = new HashSet<>();
    /** Toutes les connexions ouvertes, pour les fermer à l'arrêt. */
    private final Set<Socket> connexions = new HashSet<>();
    // end::etat[]

    /** Le serveur écoute déjà : new ServerSocket(0) a fait bind et listen. */
    public ServeurChat(ServerSocket ecoute) {
        this(ecoute, Envoi.Sonde.AUCUNE);
    }

    /** Idem, avec la sonde des tests. */
    public ServeurChat(ServerSocket ecoute, Envoi.Sonde sonde) {
        this.ecoute = ecoute;
        this.sonde = sonde;
    }

    @Override
    public int port() {
        return ecoute.getLocalPort();
    }

    // tag::squelette[]
    @Override
    public void servir() throws IOException {
        // TODO 1 : boucle d'accept ; pour chaque connexion, la retenir et
        //          démarrer un thread qui exécute servirClient(socket).
        //          Après close(), accept lève SocketException : rendre la main.
        throw new UnsupportedOperationException("TP chat : à compléter"
                + " — ServeurChat.servir");
    }

    /** Le travail du thread d'un client. */
    void servirClient(Socket s) {
        // TODO 2 : lire le pseudo (première ligne) ; créer la file d'envoi
        //          du client, new Envoi(s, sonde), l'ajouter aux présents
        //          (sous le verrou), diffuser Protocole.arrivee(pseudo) ;
        //          puis chaque ligne lue : diffuser Protocole.message(pseudo,
        //          ligne).
        // TODO 3 : fin de flux (null) ou IOException : se retirer (sous le
        //          verrou), fermer son Envoi, diffuser Protocole.depart(pseudo),
        //          fermer la socket. Jamais d'exception qui tue le serveur.
        throw new UnsupportedOperationException("TP chat : à compléter"
                + " — ServeurChat.servirClient");
    }

    /** Envoie la ligne à tous les présents. */
    void diffuser(String ligne) {
        // TODO 4 : sous le verrou, envoyer(ligne) à chaque Envoi présent
        //          (jamais d'écriture bloquante sur une socket ici : un
        //          client qui ne lit plus bloquerait tout le monde).
        throw new UnsupportedOperationException("TP chat : à compléter"
                + " — ServeurChat.diffuser");
    }

    @Override
    public void close() throws IOException {
        // TODO 5 : fermer la socket d'écoute puis chaque connexion.
        throw new UnsupportedOperationException("TP chat : à compléter"
                + " — ServeurChat.close");
    }
    // end::squelette[]
}
