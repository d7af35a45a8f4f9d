package fr.progsys.tp.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import fr.progsys.tp.Fils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Les scénarios communs aux deux serveurs de chat (TP chat, un thread par
 * client ; TP selector, un seul thread).
 */
@Timeout(20)
public abstract class ScenariosChat {

    static final Duration MAX = Duration.ofSeconds(10);

    Fils fils;
    ServeurDeChat serveur;
    Thread boucle;

    /** Un serveur qui écoute sur l'adresse de bouclage, port 0. */
    protected abstract ServeurDeChat creer() throws IOException;

    /** Ferme la socket d'écoute : si servir échoue, les clients le voient vite. */
    protected abstract void couper() throws IOException;

    @BeforeEach
    void demarrer() throws IOException {
        fils = new Fils();
        serveur = creer();
        boucle = fils.demarrer("serveur", () -> {
            try {
                serveur.servir();
            } catch (RuntimeException | IOException e) {
                couper();
                throw e;
            }
        });
    }

    @AfterEach
    void arreter() throws Exception {
        try {
            serveur.close();
        } finally {
            couper();
            fils.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("une ligne d'alice parvient à tous, elle comprise, sous la"
            + " forme « alice: texte »")
    void lineIsBroadcastToEveryone() throws IOException {
        try (Bavard alice = Bavard.entrer(serveur.port(), "alice");
                Bavard bob = Bavard.entrer(serveur.port(), "bob")) {
            alice.attendre(Protocole.arrivee("bob"));
            alice.dire("bonjour");
            bob.attendre(Protocole.message("alice", "bonjour"));
            alice.attendre(Protocole.message("alice", "bonjour"));
        }
    }

    @Test
    @Order(2)
    @DisplayName("un client muet (connecté, sans pseudo) ne bloque pas les"
            + " autres : le serveur sert plusieurs clients à la fois")
    void silentClientDoesNotStallOthers() throws IOException {
        try (Socket muet = new Bavard(serveur.port()).socket;
                Bavard alice = Bavard.entrer(serveur.port(), "alice");
                Bavard bob = Bavard.entrer(serveur.port(), "bob")) {
            alice.dire("ça passe");
            bob.attendre(Protocole.message("alice", "ça passe"));
            assertThat(muet.isConnected()).isTrue();
        }
    }

    @Test
    @Order(3)
    @DisplayName("un client qui part (fermeture brutale) est annoncé, et le"
            + " serveur continue de servir les autres et les nouveaux")
    void departureIsAnnouncedAndServerSurvives() throws IOException {
        try (Bavard alice = Bavard.entrer(serveur.port(), "alice")) {
            Bavard bob = Bavard.entrer(serveur.port(), "bob");
            alice.attendre(Protocole.arrivee("bob"));
            bob.socket.setSoLinger(true, 0); // RST : départ sans politesse
            bob.close();
            alice.attendre(Protocole.depart("bob"));
            alice.dire("encore là ?");
            alice.attendre(Protocole.message("alice", "encore là ?"));
            try (Bavard carole = Bavard.entrer(serveur.port(), "carole")) {
                carole.dire("oui");
                alice.attendre(Protocole.message("carole", "oui"));
            }
        }
    }

    @Test
    @Order(4)
    @DisplayName("cinq clients parlent en même temps : chacun reçoit les cinq"
            + " messages")
    void fiveClientsTalkTogether() throws IOException {
        List<Bavard> tous = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                tous.add(Bavard.entrer(serveur.port(), "c" + i));
            }
            for (Bavard b : tous) {
                b.attendre(Protocole.arrivee("c4"));
            }
            for (int i = 0; i < 5; i++) {
                tous.get(i).dire("message " + i);
            }
            for (Bavard b : tous) {
                for (int i = 0; i < 5; i++) {
                    String m = Protocole.message("c" + i, "message " + i);
                    b.attendre(m);
                }
            }
        } finally {
            for (Bavard b : tous) {
                b.close();
            }
        }
    }

    @Test
    @Order(5)
    @DisplayName("close() ferme les connexions des clients et servir() rend la"
            + " main")
    void closeEndsEverything() throws IOException {
        try (Bavard alice = Bavard.entrer(serveur.port(), "alice")) {
            serveur.close();
            assertThat(alice.finDeFlux()).as("fin de flux chez alice").isTrue();
            await().atMost(MAX).until(() -> !boucle.isAlive());
            assertThat(fils.erreurs()).isEmpty();
        }
    }

    /** Trois clients entrent et chacun dit une ligne que tous reçoivent. */
    protected void parlerATrois() throws IOException {
        try (Bavard a = Bavard.entrer(serveur.port(), "a");
                Bavard b = Bavard.entrer(serveur.port(), "b");
                Bavard c = Bavard.entrer(serveur.port(), "c")) {
            a.dire("1");
            b.dire("2");
            c.dire("3");
            for (Bavard x : List.of(a, b, c)) {
                for (String m : List.of(Protocole.message("a", "1"),
                        Protocole.message("b", "2"), Protocole.message("c", "3"))) {
                    x.attendre(m);
                }
            }
        }
    }
}
