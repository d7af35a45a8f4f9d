package fr.progsys.tp.chat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import fr.progsys.tp.Fils;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

@DisplayName("TP chat")
class ServeurChatTest extends ScenariosChat {

    private ServerSocket ecoute;
    private final Retenue retenue = new Retenue();

    /**
     * La sonde des files d'envoi : retient le thread qui confie la ligne
     * cible (une seule fois), au milieu de sa diffusion.
     */
    static final class Retenue implements Envoi.Sonde {
        volatile String cible;
        volatile Thread retenu;
        final CountDownLatch tenue = new CountDownLatch(1);
        final CountDownLatch liberation = new CountDownLatch(1);
        final Queue<String> vues = new ConcurrentLinkedQueue<>();

        @Override
        public void confiee(String ligne) {
            vues.add(ligne);
            if (ligne.equals(cible) && tenue.getCount() == 1) {
                retenu = Thread.currentThread();
                tenue.countDown();
                boolean interrompu = false;
                try {
                    liberation.await(MAX.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    interrompu = true;
                }
                if (interrompu) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Override
    protected ServeurDeChat creer() throws IOException {
        ecoute = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        return new ServeurChat(ecoute, retenue);
    }

    @Override
    protected void couper() throws IOException {
        ecoute.close();
    }

    /**
     * Vrai si un thread du serveur (autre que celui retenu, hors écrivains)
     * attend un verrou dans le code de ServeurChat, et ce de façon stable.
     */
    private static boolean unThreadAttendLeVerrou(Thread retenu) {
        for (var e : Thread.getAllStackTraces().entrySet()) {
            Thread t = e.getKey();
            Thread.State etat = t.getState();
            if (t == retenu || (etat != Thread.State.BLOCKED
                    && etat != Thread.State.WAITING)) {
                continue;
            }
            StackTraceElement[] pile = e.getValue();
            boolean serveur = Arrays.stream(pile).anyMatch(f ->
                    f.getClassName().startsWith(ServeurChat.class.getName()));
            boolean ecrivain = Arrays.stream(pile).anyMatch(f ->
                    f.getClassName().startsWith(Envoi.class.getName()));
            if (serveur && !ecrivain) {
                return true;
            }
        }
        return false;
    }

    @Test
    @Order(7)
    @DisplayName("carole arrive pendant qu'une diffusion d'alice est en cours :"
            + " la liste des présents est protégée, la diffusion finit et"
            + " personne n'est coupé")
    void arrivalDuringABroadcast() throws IOException {
        try (Bavard alice = Bavard.entrer(serveur.port(), "alice");
                Bavard bob = Bavard.entrer(serveur.port(), "bob")) {
            alice.attendre(Protocole.arrivee("bob"));
            retenue.cible = Protocole.message("alice", "retiens");
            alice.dire("retiens");
            Bavard carole;
            try {
                Fils.attendreQue("la ligne d'alice n'est jamais confiée à une"
                        + " file d'envoi (Envoi.envoyer)", MAX,
                        () -> retenue.tenue.getCount() == 0);
                carole = new Bavard(serveur.port());
                carole.dire("carole");
                // Soit carole attend le verrou (juste), soit elle s'ajoute et
                // diffuse pendant la diffusion d'alice (faux).
                int[] stable = new int[1];
                Fils.attendreQue("le thread de carole ne s'ajoute ni n'attend"
                        + " le verrou", MAX, () -> {
                            if (retenue.vues.contains(Protocole.arrivee("carole"))) {
                                return true;
                            }
                            stable[0] = unThreadAttendLeVerrou(retenue.retenu)
                                    ? stable[0] + 1 : 0;
                            return stable[0] >= 10;
                        });
            } finally {
                retenue.liberation.countDown();
            }
            try (carole) {
                carole.attendre(Protocole.arrivee("carole"));
                bob.attendre(Protocole.message("alice", "retiens"));
                try {
                    alice.dire("encore");
                    for (Bavard x : List.of(alice, bob, carole)) {
                        x.attendre(Protocole.message("alice", "encore"));
                    }
                } catch (AssertionError e) {
                    throw new AssertionError("alice a été coupée : la liste des"
                            + " présents a changé pendant qu'elle la parcourait"
                            + " (ConcurrentModificationException ?) ; ajouts,"
                            + " retraits et parcours doivent se faire sous le"
                            + " même verrou. " + e.getMessage());
                }
            }
        }
    }
}
