package fr.progsys.sockets.tcp;

import java.net.SocketAddress;

/** Ce que les serveurs du chapitre ont en commun, vu de l'extérieur. */
public interface TcpServer extends AutoCloseable {

    /** L'adresse d'écoute réelle (getsockname), avec le port choisi. */
    SocketAddress address();

    /** Nombre de connexions ouvertes en ce moment. */
    int openConnections();

    /** Ferme la socket d'écoute et toutes les connexions, libère le port. */
    @Override
    void close();
}
