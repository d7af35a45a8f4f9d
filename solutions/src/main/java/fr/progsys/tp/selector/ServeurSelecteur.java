package fr.progsys.tp.selector;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

import fr.progsys.tp.chat.Protocole;
import fr.progsys.tp.chat.ServeurDeChat;

/** Solution du TP serveur à Selector : un seul thread pour tous. */
public final class ServeurSelecteur implements ServeurDeChat {

    static final class Client {
        String pseudo;
        final ByteBuffer lu = ByteBuffer.allocate(4096);
        final Deque<ByteBuffer> aEcrire = new ArrayDeque<>();
    }

    private final ServerSocketChannel ecoute;
    private final Selector selecteur;
    private volatile boolean arret;

    public ServeurSelecteur(ServerSocketChannel ecoute) throws IOException {
        this.ecoute = ecoute;
        this.selecteur = Selector.open();
    }

    @Override
    public int port() {
        return ecoute.socket().getLocalPort();
    }

    // tag::solution[]
    @Override
    public void servir() throws IOException {
        ecoute.configureBlocking(false);
        ecoute.register(selecteur, SelectionKey.OP_ACCEPT);
        while (!arret) {
            selecteur.select(); // le seul appel qui bloque
            Iterator<SelectionKey> prets = selecteur.selectedKeys().iterator();
            while (prets.hasNext()) {
                SelectionKey cle = prets.next();
                prets.remove();
                if (!cle.isValid()) {
                    continue;
                }
                if (cle.isAcceptable()) {
                    accepter(cle);
                } else {
                    if (cle.isReadable()) {
                        lire(cle);
                    }
                    if (cle.isValid() && cle.isWritable()) {
                        ecrire(cle);
                    }
                }
            }
        }
        for (SelectionKey cle : selecteur.keys()) {
            cle.channel().close();
        }
        selecteur.close();
        ecoute.close();
    }

    void accepter(SelectionKey cle) throws IOException {
        SocketChannel c = ecoute.accept(); // prêt : ne bloque pas
        if (c != null) {
            c.configureBlocking(false);
            c.register(selecteur, SelectionKey.OP_READ, new Client());
        }
    }

    void lire(SelectionKey cle) throws IOException {
        SocketChannel c = (SocketChannel) cle.channel();
        Client client = (Client) cle.attachment();
        int n;
        try {
            n = c.read(client.lu);
        } catch (IOException coupee) {
            n = -1;
        }
        if (n < 0) { // fin de flux : le client est parti
            cle.cancel();
            c.close();
            if (client.pseudo != null) {
                diffuser(Protocole.depart(client.pseudo));
            }
            return;
        }
        for (String ligne : Lignes.extraire(client.lu)) {
            if (client.pseudo == null) {
                client.pseudo = ligne;
                diffuser(Protocole.arrivee(ligne));
            } else {
                diffuser(Protocole.message(client.pseudo, ligne));
            }
        }
    }

    void ecrire(SelectionKey cle) throws IOException {
        SocketChannel c = (SocketChannel) cle.channel();
        Client client = (Client) cle.attachment();
        try {
            while (!client.aEcrire.isEmpty()) {
                ByteBuffer tete = client.aEcrire.peek();
                c.write(tete); // écrit ce que le noyau accepte, peut-être rien
                if (tete.hasRemaining()) {
                    return; // tampon d'envoi plein : on attendra OP_WRITE
                }
                client.aEcrire.poll();
            }
            cle.interestOps(SelectionKey.OP_READ);
        } catch (IOException coupee) {
            cle.cancel();
            c.close(); // le départ sera vu à la prochaine lecture ou jamais
        }
    }

    void diffuser(String ligne) {
        for (SelectionKey cle : selecteur.keys()) {
            if (cle.isValid() && cle.attachment() instanceof Client client
                    && client.pseudo != null) {
                client.aEcrire.add(Lignes.encoder(ligne));
                cle.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            }
        }
    }

    @Override
    public void close() {
        arret = true;
        selecteur.wakeup(); // select() rend la main tout de suite
    }
    // end::solution[]
}
