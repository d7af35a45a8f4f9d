package fr.progsys.tp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.Snippets;
import fr.progsys.testkit.Tools;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Essayer à la main les serveurs des TP chat et selector, comme le livre le
 * montre : le serveur lancé par {@link Essai}, deux vrais {@code nc} qui
 * tapent des lignes, Ctrl-C (SIGINT) pour quitter. Le module solutions le
 * lance contre les solutions ; les trois terminaux deviennent les sorties
 * du livre ({@code tp/<tp>-serveur.txt}, {@code -alice.txt},
 * {@code -bob.txt}). Hors des paquetages des TP : la boucle étudiante ne le
 * compte pas parmi les exigences.
 */
@DisplayName("Essayer un serveur de chat à la main avec nc")
class EssaiTest {

    private static final Duration ATTENTE = Duration.ofSeconds(20);
    private static final Pattern PORT =
            Pattern.compile("127\\.0\\.0\\.1:(\\d+)");

    @ParameterizedTest(name = "TP {0}")
    @ValueSource(strings = {"chat", "selector"})
    @DisplayName("la ligne tapée par un client parvient à l'autre, et le"
            + " départ par Ctrl-C est annoncé")
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void deuxClientsNc(String tp) throws IOException, InterruptedException {
        Tools.require("nc");
        try (ChildJvm serveur = ChildJvm.start(Essai.class, tp, "0")) {
            String banniere = serveur.awaitLine("à l'écoute", ATTENTE);
            Matcher m = PORT.matcher(banniere);
            assertThat(m.find()).as("port dans « %s »", banniere).isTrue();
            String port = m.group(1);
            try (Terminal alice = new Terminal(port);
                    Terminal bob = new Terminal(port)) {
                alice.lancer();
                alice.taper("alice");
                alice.attendre("* alice arrive");
                bob.lancer();
                bob.taper("bob");
                bob.attendre("* bob arrive");
                alice.attendre("* bob arrive");
                alice.taper("bonjour bob");
                alice.attendre("alice: bonjour bob");
                bob.attendre("alice: bonjour bob");
                bob.taper("salut alice, ça va ?");
                bob.attendre("bob: salut alice, ça va ?");
                alice.attendre("bob: salut alice, ça va ?");
                alice.ctrlC();
                bob.attendre("* alice part");
                bob.ctrlC();
                Snippets.write("tp/" + tp + "-alice.txt",
                        alice.transcription());
                Snippets.write("tp/" + tp + "-bob.txt", bob.transcription());
            }
            serveur.send("stop");
            ChildJvm.Result fin = serveur.awaitExit(ATTENTE);
            assertThat(fin.stdout().lines().toList())
                    .containsExactly(banniere, "serveur arrêté");
            assertThat(fin.exitCode()).isZero();
            Snippets.write("tp/" + tp + "-serveur.txt", "$ ./mvnw -q -pl"
                    + " tp-exercises -am test-compile -Dserveur=" + tp
                    + " -Dport=0\n" + banniere + "\nstop\nserveur arrêté\n");
        }
    }

    @ParameterizedTest(name = "TP {0}")
    @ValueSource(strings = {"chat", "selector"})
    @DisplayName("un port déjà pris est dit en français, sans trace de pile")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void portDejaPris(String tp) throws IOException {
        try (ServerSocket occupe = new ServerSocket(0, 50,
                InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(occupe.getLocalPort());
            ChildJvm.Result r = ChildJvm.run(ATTENTE, Essai.class, tp, port);
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.stderr())
                    .startsWith("le port " + port + " est déjà pris")
                    .contains("-Dport=0").doesNotContain("\tat ");
            assertThat(r.stdout()).isEmpty();
        }
    }

    /**
     * Un terminal où tourne {@code nc 127.0.0.1 <port>} : ce qu'on y tape et
     * ce que nc affiche, dans l'ordre où cela s'est passé. Chaque ligne
     * attendue doit être la suivante de la sortie de nc : rien d'autre n'est
     * arrivé entre-temps.
     */
    private static final class Terminal implements AutoCloseable {
        private final String port;
        private final StringBuilder ecran = new StringBuilder();
        private ChildJvm nc;
        private int lues;

        Terminal(String port) {
            this.port = port;
        }

        void lancer() {
            ecran.append("$ nc 127.0.0.1 ").append(port).append('\n');
            nc = ChildJvm.start(List.of("nc", "127.0.0.1", port));
        }

        void taper(String ligne) {
            nc.send(ligne);
            ecran.append(ligne).append('\n');
        }

        void attendre(String ligne) {
            int rang = lues++;
            await().atMost(ATTENTE)
                    .until(() -> nc.stdout().lines().count() > rang);
            assertThat(nc.stdout().lines().toList().get(rang))
                    .as("ligne %d affichée par nc", rang + 1).isEqualTo(ligne);
            ecran.append(ligne).append('\n');
        }

        /** Ctrl-C : SIGINT arrête nc, le noyau ferme sa connexion. */
        void ctrlC() throws IOException, InterruptedException {
            Process kill = new ProcessBuilder("kill", "-INT",
                    Long.toString(nc.pid())).start();
            assertThat(kill.waitFor()).isZero();
            nc.awaitExit(ATTENTE);
            assertThat(nc.stdout().lines().count()).as("lignes de nc")
                    .isEqualTo(lues);
            ecran.append("^C\n");
        }

        String transcription() {
            return ecran.toString();
        }

        @Override
        public void close() {
            if (nc != null) {
                nc.close();
            }
        }
    }
}
