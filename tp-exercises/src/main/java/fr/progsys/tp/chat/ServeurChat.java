package fr.progsys.tp.chat;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;

/**
 * TP chat TCP : un thread par client. Le thread principal ne fait
 * qu'accepter ; chaque connexion a son thread qui lit ses lignes et les
 * diffuse à tous. Un client lent ou muet ne bloque que son propre thread.
 */
public final class ServeurChat implements ServeurDeChat {

    // tag::etat[]
    private final ServerSocket ecoute;
    /** Les flux de sortie des clients présents (accès sous verrou). */
    private final Set<PrintWriter> presents = new HashSet<>();
    /** Toutes les connexions ouvertes, pour les fermer à l'arrêt. */
    private final Set<Socket> connexions = new HashSet<>();
    // end::etat[]

    /** Le serveur écoute déjà : new ServerSocket(0) a fait bind et listen. */
    public ServeurChat(ServerSocket ecoute) {
        this.ecoute = ecoute;
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
        // TODO 2 : lire le pseudo (première ligne), s'ajouter aux présents,
        //          diffuser Protocole.arrivee(pseudo) ; puis chaque ligne
        //          lue : diffuser Protocole.message(pseudo, ligne).
        // TODO 3 : fin de flux (null) ou IOException : se retirer, diffuser
        //          Protocole.depart(pseudo), fermer la socket. Jamais
        //          d'exception qui tue le serveur.
        throw new UnsupportedOperationException("TP chat : à compléter"
                + " — ServeurChat.servirClient");
    }

    /** Envoie la ligne à tous les présents. */
    void diffuser(String ligne) {
        // TODO 4 : sous le verrou, println + flush sur chaque PrintWriter.
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
