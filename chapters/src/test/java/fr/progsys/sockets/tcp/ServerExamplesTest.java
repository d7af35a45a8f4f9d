package fr.progsys.sockets.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import fr.progsys.sockets.NcSession;
import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.Snippets;
import fr.progsys.testkit.Tools;

@DisplayName("S01, S15, S17 : les serveurs lancés comme par une personne, et nc")
class ServerExamplesTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    /** Le port annoncé par la bannière « … sur 127.0.0.1:PORT ». */
    static int portOf(String banner) {
        return Integer.parseInt(banner.substring(banner.lastIndexOf(':') + 1));
    }

    /** Démarre l'exemple, fait {@code session}, l'arrête par « stop ». */
    static String runAndStop(Class<?> server, SessionBody session)
            throws IOException {
        int port;
        String transcript;
        ChildJvm.Result result;
        try (ChildJvm child = ChildJvm.start(server, "--port", "0")) {
            port = portOf(child.awaitLine(" sur 127.0.0.1:", WAIT));
            transcript = session.run(port);
            child.send("stop");
            result = child.awaitExit(WAIT);
        }
        assertThat(result.exitCode()).as(result.console()).isZero();
        assertThat(result.stdout()).contains("serveur arrêté");
        try (ServerSocket again = new ServerSocket()) { // port libéré
            again.bind(new InetSocketAddress(
                    InetAddress.getLoopbackAddress(), port));
        }
        return transcript;
    }

    interface SessionBody {
        String run(int port) throws IOException;
    }

    static String ncSession(int port) {
        return NcSession.run(NcSession.nc(port), "nc 127.0.0.1 " + port,
                List.of("PING", "ECHO Bonjour !", "MAJ été", "SOMME 1 2 39",
                        "DANSE", "QUIT"));
    }

    @Test
    @DisplayName("S01, S15 : le serveur lancé en tâche de fond répond à nc selon le protocole et s'arrête sur « stop »")
    void threadServerWithNc() throws IOException {
        Tools.require("nc");
        String session = runAndStop(ThreadPerConnectionServer.class,
                ServerExamplesTest::ncSession);
        assertThat(session).endsWith("PING\nPONG\nECHO Bonjour !\nBonjour !\n"
                + "MAJ été\nÉTÉ\nSOMME 1 2 39\n42\nDANSE\n"
                + "ERR commande inconnue : DANSE\nQUIT\nBYE\n");
        Snippets.write("sockets/tcp-nc.txt", session);
    }

    @Test
    @DisplayName("S15, S17 : le serveur à pool et le serveur à Selector répondent à nc de même")
    void poolAndSelectorServersWithNc() throws IOException {
        Tools.require("nc");
        for (Class<?> server : List.of(PooledServer.class,
                SelectorServer.class)) {
            assertThat(runAndStop(server, ServerExamplesTest::ncSession))
                    .contains("SOMME 1 2 39\n42\n", "QUIT\nBYE\n");
        }
    }

    @Test
    @DisplayName("S17 : le journal du serveur montre l'adresse de chaque client (accept)")
    void serverLogShowsClientAddresses() {
        try (ChildJvm child = ChildJvm.start(ThreadPerConnectionServer.class,
                "--port", "0")) {
            String banner = child.awaitLine(" sur 127.0.0.1:", WAIT);
            int port = portOf(banner);
            List<String> replies = exchange(port);
            assertThat(replies).containsExactly("PONG", "BYE");
            child.awaitLine("127.0.0.1:", WAIT);
            child.awaitLine(" : fermé (BYE)", WAIT);
            child.send("stop");
            ChildJvm.Result r = child.awaitExit(WAIT);
            Snippets.of(ThreadPerConnectionServer.class).variant("log")
                    .record(r.stdout(), "--port", "0");
            assertThat(r.stdout()).containsPattern(
                    "connexion de 127\\.0\\.0\\.1:\\d+");
        }
    }

    @Test
    @DisplayName("Ctrl-C (SIGINT) arrête le serveur proprement : port libéré")
    void sigintStopsTheServerCleanly() throws Exception {
        // Un processus lancé en arrière-plan sans contrôle des tâches
        // (« cmd & » dans un script, nohup…) ignore SIGINT, et ses enfants en
        // héritent ; la JVM n'installe alors pas son gestionnaire de Ctrl-C
        // (elle respecte un SIG_IGN hérité) : le serveur ne peut pas s'arrêter.
        assumeFalse(sigintIgnored(), "SIGINT est ignoré par ce processus (build"
                + " lancé en arrière-plan sans contrôle des tâches) : l'enfant en"
                + " hérite, Ctrl-C ne peut pas l'arrêter");
        int port;
        ChildJvm.Result r;
        try (ChildJvm child = ChildJvm.start(SelectorServer.class,
                "--port", "0")) {
            port = portOf(child.awaitLine(" sur 127.0.0.1:", WAIT));
            assertThat(exchange(port)).containsExactly("PONG", "BYE");
            Process kill = new ProcessBuilder("kill", "-INT",
                    Long.toString(child.pid())).start();
            assertThat(kill.waitFor()).isZero();
            r = child.awaitExit(WAIT);
        }
        assertThat(r.stdout()).contains("serveur arrêté (signal)");
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress(
                    InetAddress.getLoopbackAddress(), port));
        }
    }

    /** Le bit de SIGINT (2) dans le masque SigIgn de /proc/self/status. */
    private static boolean sigintIgnored() throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith("SigIgn:")) {
                return (Long.parseLong(l.substring(7).trim(), 16) & 0x2) != 0;
            }
        }
        return false;
    }

    @Test
    @DisplayName("Ctrl-D (fin de l'entrée standard) arrête le serveur UDP")
    void endOfInputStopsTheUdpServer() {
        try (ChildJvm child = ChildJvm.start(
                fr.progsys.sockets.udp.UdpServer.class, "--port", "0")) {
            child.awaitLine(" sur 127.0.0.1:", WAIT);
            child.closeStdin();
            ChildJvm.Result r = child.awaitExit(WAIT);
            assertThat(r.exitCode()).isZero();
            assertThat(r.stdout()).endsWith("serveur arrêté\n");
        }
    }

    private static List<String> exchange(int port) {
        try {
            return TcpClient.exchange(new InetSocketAddress(
                    InetAddress.getLoopbackAddress(), port),
                    List.of("PING", "QUIT"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
