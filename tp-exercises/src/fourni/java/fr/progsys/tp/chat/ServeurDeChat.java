package fr.progsys.tp.chat;

import java.io.IOException;

/** Code fourni : ce que les tests attendent d'un serveur de chat. */
public interface ServeurDeChat extends AutoCloseable {

    /** Le port d'écoute (choisi par le système : port 0 au bind). */
    int port();

    /** Sert les clients jusqu'à {@link #close()} ; rend alors la main. */
    void servir() throws IOException;

    /** Arrête le serveur : plus d'accept, toutes les connexions fermées. */
    @Override
    void close() throws IOException;
}
