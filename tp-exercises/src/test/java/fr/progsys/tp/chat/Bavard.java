package fr.progsys.tp.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Un client de chat des tests : lignes en UTF-8, lecture bornée à 5 s. */
final class Bavard implements AutoCloseable {

    final Socket socket;
    private final BufferedReader entree;
    private final PrintWriter sortie;
    /** Les lignes reçues jusqu'ici (pour les messages d'échec). */
    final List<String> recu = new ArrayList<>();

    Bavard(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(5_000);
        entree = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8));
        sortie = new PrintWriter(new OutputStreamWriter(socket.getOutputStream(),
                StandardCharsets.UTF_8), true);
    }

    /** Se connecte, donne son pseudo et attend l'annonce de sa propre arrivée. */
    static Bavard entrer(int port, String pseudo) throws IOException {
        Bavard b = new Bavard(port);
        b.dire(pseudo);
        b.attendre(Protocole.arrivee(pseudo));
        return b;
    }

    void dire(String ligne) {
        sortie.println(ligne);
    }

    /** Lit jusqu'à la ligne attendue, si elle n'est pas déjà arrivée. */
    void attendre(String attendue) throws IOException {
        if (recu.contains(attendue)) {
            return;
        }
        String l;
        try {
            while ((l = entree.readLine()) != null) {
                recu.add(l);
                if (l.equals(attendue)) {
                    return;
                }
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("« " + attendue + " » jamais reçu en 5 s ;"
                    + " reçu : " + recu, e);
        }
        throw new AssertionError("connexion fermée par le serveur avant « "
                + attendue + " » ; reçu : " + recu);
    }

    /** Vrai si le serveur a fermé la connexion (fin de flux). */
    boolean finDeFlux() throws IOException {
        try {
            String l;
            while ((l = entree.readLine()) != null) {
                recu.add(l);
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // connexion réinitialisée : fermée aussi
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
