package fr.progsys.tp.udp;

import static fr.progsys.tp.udp.Relais.Sort.PERDRE;
import static fr.progsys.tp.udp.Relais.Sort.RETENIR;
import static fr.progsys.tp.udp.Relais.Sort.TRANSMETTRE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;

import fr.progsys.tp.Fils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("TP udp")
@Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServiceUdpTest {

    static final Duration DELAI = Duration.ofMillis(300);

    Fils fils;
    DatagramSocket socketServeur;
    ServeurUdp serveur;

    @BeforeEach
    void demarrerServeur() throws IOException {
        fils = new Fils();
        socketServeur = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        serveur = new ServeurUdp(socketServeur);
        fils.demarrer("serveur", serveur::servir);
    }

    @AfterEach
    void arreterServeur() throws InterruptedException {
        socketServeur.close();
        fils.close();
    }

    private static DatagramSocket socketClient() throws IOException {
        return new DatagramSocket(0, InetAddress.getLoopbackAddress());
    }

    private ClientUdp client(DatagramSocket s, SocketAddress vers) {
        return new ClientUdp(s, vers, DELAI, 3);
    }

    @Test
    @Order(1)
    @DisplayName("sans perte : ajouter 5 puis 3 rend 5 puis 8, le total du"
            + " serveur vaut 8")
    void addsWithoutLoss() throws IOException {
        try (DatagramSocket s = socketClient()) {
            ClientUdp c = client(s, socketServeur.getLocalSocketAddress());
            assertThat(c.ajouter(5)).isEqualTo(5);
            assertThat(c.ajouter(3)).isEqualTo(8);
            assertThat(serveur.total()).isEqualTo(8);
        }
    }

    @Test
    @Order(2)
    @DisplayName("deux clients, chacun sa seq 1 : le serveur répond à chacun à"
            + " son adresse et les distingue (10 puis 11)")
    void serverTellsClientsApart() throws IOException {
        try (DatagramSocket a = socketClient(); DatagramSocket b = socketClient()) {
            SocketAddress vers = socketServeur.getLocalSocketAddress();
            assertThat(client(a, vers).ajouter(10)).isEqualTo(10);
            assertThat(client(b, vers).ajouter(1)).isEqualTo(11);
            assertThat(serveur.total()).isEqualTo(11);
        }
    }

    @Test
    @Order(3)
    @DisplayName("la première requête est perdue : le client la renvoie après"
            + " le délai et obtient la réponse")
    void clientRetriesALostRequest() throws Exception {
        try (Relais r = new Relais(socketServeur.getLocalSocketAddress(),
                (n, m) -> n == 1 ? PERDRE : TRANSMETTRE, (n, m) -> TRANSMETTRE);
                DatagramSocket s = socketClient()) {
            assertThat(client(s, r.adresse()).ajouter(5)).isEqualTo(5);
            assertThat(r.requetes).as("requêtes envoyées").hasValue(2);
        }
    }

    @Test
    @Order(4)
    @DisplayName("la première réponse est perdue : la requête répétée n'est pas"
            + " ajoutée deux fois (le serveur reconnaît le doublon)")
    void serverDoesNotApplyADuplicateTwice() throws Exception {
        try (Relais r = new Relais(socketServeur.getLocalSocketAddress(),
                (n, m) -> TRANSMETTRE, (n, m) -> n == 1 ? PERDRE : TRANSMETTRE);
                DatagramSocket s = socketClient()) {
            assertThat(client(s, r.adresse()).ajouter(5)).isEqualTo(5);
            assertThat(r.requetes).as("requêtes envoyées").hasValue(2);
            assertThat(serveur.total()).isEqualTo(5);
        }
    }

    @Test
    @Order(5)
    @DisplayName("une réponse en retard arrive pendant la requête suivante : le"
            + " client l'ignore (mauvais numéro) et rend la bonne")
    void clientIgnoresALateReply() throws Exception {
        Relais[] relais = new Relais[1];
        try (Relais r = new Relais(socketServeur.getLocalSocketAddress(),
                (n, m) -> {
                    if (m.seq() == 2 && n == 3) {
                        lacher(relais[0]); // la vieille réponse passe d'abord
                    }
                    return TRANSMETTRE;
                }, (n, m) -> n == 1 ? RETENIR : TRANSMETTRE);
                DatagramSocket s = socketClient()) {
            relais[0] = r;
            ClientUdp c = client(s, r.adresse());
            assertThat(c.ajouter(5)).isEqualTo(5);
            assertThat(c.ajouter(1)).as("réponse à la requête 2").isEqualTo(6);
        }
    }

    @Test
    @Order(6)
    @DisplayName("tout est perdu : après 3 essais, ajouter lève"
            + " SocketTimeoutException")
    void clientGivesUpAfterItsTries() throws Exception {
        try (Relais r = new Relais(socketServeur.getLocalSocketAddress(),
                (n, m) -> PERDRE, (n, m) -> TRANSMETTRE);
                DatagramSocket s = socketClient()) {
            ClientUdp c = client(s, r.adresse());
            assertThatThrownBy(() -> c.ajouter(1))
                    .isInstanceOf(SocketTimeoutException.class);
            assertThat(r.requetes).as("requêtes envoyées").hasValue(3);
        }
    }

    @Test
    @Order(7)
    @DisplayName("la réponse à alice est perdue, bob ajoute 10, puis la requête"
            + " d'alice revient : elle reçoit la réponse d'origine (5), pas un"
            + " total recalculé (15)")
    void duplicateGetsTheRecordedReply() throws Exception {
        try (DatagramSocket b = socketClient()) {
            ClientUdp bob = client(b, socketServeur.getLocalSocketAddress());
            java.util.concurrent.atomic.AtomicLong reponseDeBob =
                    new java.util.concurrent.atomic.AtomicLong();
            try (Relais r = new Relais(socketServeur.getLocalSocketAddress(),
                    (n, m) -> {
                        if (n == 2) {
                            // avant le renvoi d'alice, bob passe (en entier)
                            reponseDeBob.set(ajouterSansErreur(bob, 10));
                        }
                        return TRANSMETTRE;
                    }, (n, m) -> n == 1 ? PERDRE : TRANSMETTRE);
                    DatagramSocket a = socketClient()) {
                long reponseDAlice = client(a, r.adresse()).ajouter(5);
                assertThat(r.requetes).as("requêtes d'alice").hasValue(2);
                assertThat(reponseDeBob).as("réponse à bob").hasValue(15);
                assertThat(reponseDAlice).as("réponse à la requête répétée"
                        + " d'alice : le serveur doit renvoyer la réponse"
                        + " enregistrée, pas recalculer").isEqualTo(5);
                assertThat(serveur.total()).isEqualTo(15);
            }
        }
    }

    private static long ajouterSansErreur(ClientUdp c, long n) {
        try {
            return c.ajouter(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void lacher(Relais r) {
        try {
            r.relacher();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
