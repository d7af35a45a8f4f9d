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
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
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

    /** Lignes et taille du gros envoi : bien plus que les tampons TCP. */
    protected static final int LIGNES = 5000;

    /** La k-ième ligne du gros envoi (1 000 caractères, numérotée). */
    protected static String ligneNumero(int k) {
        return String.format("%05d ", k) + "x".repeat(994);
    }

    /**
     * Alice envoie les LIGNES lignes ; toutes les 100, elle attend son propre
     * écho (elle lit, elle : seul le client sourd ou lent ne lit pas).
     */
    protected static void envoyerBeaucoup(Bavard alice) throws IOException {
        for (int k = 1; k <= LIGNES; k++) {
            alice.dire(ligneNumero(k));
            if (k % 100 == 0) {
                try {
                    alice.attendre(Protocole.message("alice", ligneNumero(k)));
                } catch (AssertionError e) {
                    throw new AssertionError("alice n'a plus d'écho après " + k
                            + " lignes : la diffusion est bloquée par un client"
                            + " qui ne lit pas (écriture bloquante dans"
                            + " diffuser ?)");
                }
                alice.recu.clear(); // inutile de tout garder
            }
        }
    }

    /** Une socket qui donne son pseudo puis ne lit jamais (petit tampon). */
    protected Socket sourd(String pseudo) throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new java.net.InetSocketAddress(
                java.net.InetAddress.getLoopbackAddress(), serveur.port()));
        s.getOutputStream().write((pseudo + "\n").getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        s.getOutputStream().flush();
        return s;
    }

    @Test
    @Order(6)
    @DisplayName("un client qui ne lit jamais ne bloque personne : alice envoie"
            + " 5 000 lignes de 1 000 caractères, bob les reçoit toutes")
    @SuppressWarnings("try") // le sourd est connecté pour ne jamais lire
    void deafClientStallsNobody() throws Exception {
        try (Bavard alice = Bavard.entrer(serveur.port(), "alice");
                Socket sourd = sourd("sourd");
                Bavard bob = Bavard.entrer(serveur.port(), "bob")) {
            alice.attendre(Protocole.arrivee("sourd"));
            alice.attendre(Protocole.arrivee("bob"));
            List<String> deBob = new ArrayList<>();
            Thread lecteur = fils.demarrer("bob lit", () -> {
                bob.attendre(Protocole.message("alice", ligneNumero(LIGNES)));
                bob.recu.stream().filter(l -> l.startsWith("alice: "))
                        .forEach(deBob::add);
            });
            envoyerBeaucoup(alice);
            lecteur.join(MAX.toMillis());
            assertThat(fils.erreurs()).as("bob").isEmpty();
            assertThat(deBob).as("lignes d'alice reçues par bob").hasSize(LIGNES);
            for (int k = 1; k <= LIGNES; k++) {
                if (!deBob.get(k - 1).equals(Protocole.message("alice",
                        ligneNumero(k)))) {
                    throw new AssertionError("ligne " + k + " abîmée chez bob");
                }
            }
        }
    }

    /**
     * Un client lent (petit tampon, ne lit qu'à la fin) reçoit tout ce
     * qu'alice a envoyé, octet pour octet et dans l'ordre.
     */
    protected void lecteurLentRecoitTout() throws IOException {
        try (Bavard alice = Bavard.entrer(serveur.port(), "alice");
                Socket lent = sourd("lent")) {
            alice.attendre(Protocole.arrivee("lent"));
            envoyerBeaucoup(alice);
            lent.setSoTimeout(10_000);
            java.io.BufferedReader entree = new java.io.BufferedReader(
                    new java.io.InputStreamReader(lent.getInputStream(),
                            java.nio.charset.StandardCharsets.UTF_8));
            int k = 1;
            String l;
            try {
                while (k <= LIGNES && (l = entree.readLine()) != null) {
                    if (!l.startsWith("alice: ")) {
                        continue;
                    }
                    if (!l.equals(Protocole.message("alice", ligneNumero(k)))) {
                        throw new AssertionError("ligne " + k + " abîmée chez le"
                                + " client lent (« " + l.substring(0, Math.min(
                                        30, l.length())) + "… ») : une écriture"
                                + " partielle (write rend moins que demandé) n'a"
                                + " pas été reprise au OP_WRITE suivant");
                    }
                    k++;
                }
            } catch (java.net.SocketTimeoutException e) {
                throw new AssertionError("le client lent n'a reçu que " + (k - 1)
                        + " lignes d'alice sur " + LIGNES + " : des octets"
                        + " perdus (écriture partielle ignorée ?)");
            }
            assertThat(k - 1).as("lignes reçues par le client lent")
                    .isEqualTo(LIGNES);
        }
    }

    /**
     * Une ligne coupée en deux écritures (le serveur a lu la première moitié
     * avant que la seconde parte), puis deux lignes dans une seule écriture :
     * bob reçoit exactement les trois lignes.
     */
    protected void uneLectureNEstPasUneLigne() throws IOException {
        try (Bavard alice = Bavard.entrer(serveur.port(), "alice");
                Bavard bob = Bavard.entrer(serveur.port(), "bob")) {
            alice.attendre(Protocole.arrivee("bob"));
            java.io.OutputStream o = alice.socket.getOutputStream();
            o.write("bon".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            o.flush();
            int client = alice.socket.getLocalPort();
            Fils.attendreQue("le serveur ne lit jamais la demi-ligne « bon »",
                    MAX, () -> NoyauTcp.enAttente(client, serveur.port()) == 0
                            && NoyauTcp.nonLus(serveur.port(), client) == 0);
            o.write("jour\nun\ndeux\n".getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
            o.flush();
            try {
                bob.attendre(Protocole.message("alice", "deux"));
            } catch (AssertionError e) {
                throw new AssertionError("un read n'est pas une ligne : après"
                        + " « bon » puis « jour\\nun\\ndeux\\n », bob devait"
                        + " recevoir « alice: bonjour », « alice: un »,"
                        + " « alice: deux » ; reçu : " + bob.recu);
            }
            assertThat(bob.recu.stream().filter(l -> l.startsWith("alice: ")))
                    .as("lignes d'alice reçues par bob").containsExactly(
                            "alice: bonjour", "alice: un", "alice: deux");
        }
    }

    /** Le nombre de descripteurs ouverts par la JVM (/proc/self/fd). */
    protected static long descripteurs() {
        try (java.util.stream.Stream<java.nio.file.Path> fd =
                java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/fd"))) {
            return fd.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Bob entre et part : le serveur ferme son côté de la connexion. */
    protected void unDepartFermeLaConnexion() throws IOException {
        try (Bavard alice = Bavard.entrer(serveur.port(), "alice")) {
            long avant = descripteurs();
            Bavard bob = Bavard.entrer(serveur.port(), "bob");
            alice.attendre(Protocole.arrivee("bob"));
            bob.close();
            alice.attendre(Protocole.depart("bob"));
            Fils.attendreQue("bob est parti, mais le serveur garde sa"
                    + " connexion : " + (descripteurs() - avant)
                    + " descripteur(s) de plus qu'avant son arrivée (annuler la"
                    + " clé et fermer le canal)", Duration.ofSeconds(3),
                    () -> descripteurs() == avant);
        }
    }

    /**
     * Trois clients entrent et chacun dit une ligne que tous reçoivent ;
     * pendant est appelé alors qu'ils sont encore tous connectés.
     */
    protected void parlerATrois(Runnable pendant) throws IOException {
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
            pendant.run();
        }
    }
}
