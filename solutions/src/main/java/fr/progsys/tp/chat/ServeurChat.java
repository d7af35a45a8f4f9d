package fr.progsys.tp.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Solution du TP chat TCP : un thread par client pour lire, une file
 * d'envoi (et son écrivain) par client pour écrire.
 */
public final class ServeurChat implements ServeurDeChat {

    private final ServerSocket ecoute;
    private final Envoi.Sonde sonde;
    private final Set<Envoi> presents = new HashSet<>();
    private final Set<Socket> connexions = new HashSet<>();

    public ServeurChat(ServerSocket ecoute) {
        this(ecoute, Envoi.Sonde.AUCUNE);
    }

    public ServeurChat(ServerSocket ecoute, Envoi.Sonde sonde) {
        this.ecoute = ecoute;
        this.sonde = sonde;
    }

    @Override
    public int port() {
        return ecoute.getLocalPort();
    }

    // tag::solution[]
    @Override
    public void servir() throws IOException {
        while (true) {
            Socket s;
            try {
                s = ecoute.accept(); // bloque jusqu'à une connexion
            } catch (SocketException fermee) {
                return; // close() a fermé la socket d'écoute
            }
            synchronized (this) {
                connexions.add(s);
            }
            Thread t = new Thread(() -> servirClient(s), "client-" + s.getPort());
            t.setDaemon(true);
            t.start(); // et retour à accept tout de suite
        }
    }

    void servirClient(Socket s) {
        String pseudo = null;
        Envoi envoi = null;
        try (s) {
            BufferedReader entree = new BufferedReader(new InputStreamReader(
                    s.getInputStream(), StandardCharsets.UTF_8));
            pseudo = entree.readLine(); // bloque seulement ce thread
            if (pseudo == null) {
                return;
            }
            envoi = new Envoi(s, sonde); // son écrivain, à lui seul
            synchronized (this) {
                presents.add(envoi);
            }
            diffuser(Protocole.arrivee(pseudo));
            String ligne;
            while ((ligne = entree.readLine()) != null) {
                diffuser(Protocole.message(pseudo, ligne));
            }
        } catch (IOException e) {
            // connexion coupée : le client part, le serveur continue
        } finally {
            boolean etaitLa;
            synchronized (this) {
                etaitLa = envoi != null && presents.remove(envoi);
                connexions.remove(s);
            }
            if (envoi != null) {
                envoi.close();
            }
            if (etaitLa) {
                diffuser(Protocole.depart(pseudo));
            }
        }
    }

    synchronized void diffuser(String ligne) {
        for (Envoi e : presents) {
            e.envoyer(ligne); // ne bloque jamais : l'écrivain écrira
        }
    }

    @Override
    public void close() throws IOException {
        ecoute.close();
        List<Socket> aFermer;
        synchronized (this) {
            aFermer = List.copyOf(connexions);
        }
        for (Socket s : aFermer) {
            s.close(); // débloque le readLine de son thread
        }
    }
    // end::solution[]
}
