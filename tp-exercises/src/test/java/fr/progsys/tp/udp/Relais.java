package fr.progsys.tp.udp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Un relais UDP entre un client et le serveur, qui perd, retient ou relâche
 * des datagrammes selon une règle donnée par le test : la perte est forcée,
 * pas laissée au hasard.
 */
final class Relais implements AutoCloseable {

    enum Sort { TRANSMETTRE, PERDRE, RETENIR }

    /** Décide du sort du n-ième datagramme (compté à partir de 1). */
    @FunctionalInterface
    interface Regle {
        Sort decider(int n, Datagrammes.Message m);
    }

    private final DatagramSocket cote = new DatagramSocket(0,
            InetAddress.getLoopbackAddress());
    private final DatagramSocket versServeur = new DatagramSocket(0,
            InetAddress.getLoopbackAddress());
    private final SocketAddress serveur;
    private volatile SocketAddress client;
    private final List<DatagramPacket> retenus = new ArrayList<>();
    final AtomicInteger requetes = new AtomicInteger();
    final AtomicInteger reponses = new AtomicInteger();
    private final Thread aller;
    private final Thread retour;

    Relais(SocketAddress serveur, Regle requete, Regle reponse)
            throws SocketException {
        this.serveur = serveur;
        aller = demarrer(() -> {
            DatagramPacket p = Datagrammes.paquet();
            cote.receive(p);
            client = p.getSocketAddress();
            if (requete.decider(requetes.incrementAndGet(),
                    Datagrammes.lire(p)) == Sort.TRANSMETTRE) {
                versServeur.send(new DatagramPacket(p.getData(), p.getLength(),
                        this.serveur));
            }
        });
        retour = demarrer(() -> {
            DatagramPacket p = Datagrammes.paquet();
            versServeur.receive(p);
            Sort s = reponse.decider(reponses.incrementAndGet(),
                    Datagrammes.lire(p));
            if (s == Sort.TRANSMETTRE) {
                cote.send(new DatagramPacket(p.getData(), p.getLength(), client));
            } else if (s == Sort.RETENIR) {
                synchronized (retenus) {
                    retenus.add(p);
                }
            }
        });
    }

    /** L'adresse que le client prend pour celle du serveur. */
    SocketAddress adresse() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(),
                cote.getLocalPort());
    }

    /** Délivre maintenant au client les réponses retenues (en retard). */
    void relacher() throws IOException {
        synchronized (retenus) {
            for (DatagramPacket p : retenus) {
                cote.send(new DatagramPacket(p.getData(), p.getLength(), client));
            }
            retenus.clear();
        }
    }

    private interface Pas {
        void faire() throws IOException;
    }

    private Thread demarrer(Pas pas) {
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    pas.faire();
                }
            } catch (IOException fermee) {
                // relais fermé
            }
        }, "relais");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void close() {
        cote.close();
        versServeur.close();
        try {
            aller.join(2_000);
            retour.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
