package fr.progsys.sockets.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import fr.progsys.CTwins;
import fr.progsys.sockets.LineClient;
import fr.progsys.sockets.NcSession;
import fr.progsys.sockets.support.Protocol;
import fr.progsys.sockets.support.ServerOptions;
import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.Snippets;
import fr.progsys.testkit.Tools;

/**
 * Ce que tout serveur TCP du chapitre doit tenir face à de vrais clients :
 * les trois architectures (thread par connexion, pool, Selector) passent
 * exactement les mêmes tests.
 */
abstract class TcpServerContract {

    static final int CLIENTS = 200;

    private final List<TcpServer> started = new ArrayList<>();

    /** Démarre le serveur testé (sur la boucle locale, port 0). */
    abstract TcpServer start(ServerOptions options);

    TcpServer start() {
        return start(ServerOptions.DEFAULTS);
    }

    /**
     * Le jumeau C {@code cFile} (src/main/c/sockets) face au même dialogue
     * que ce serveur : deux clients ouverts ensemble, servis en alternance.
     * Exige les mêmes réponses et, pendant que les deux clients sont
     * ouverts, {@code threads} threads dans le processus C
     * ({@code /proc/<pid>/task}) ; écrit la sortie du jumeau pour le livre.
     */
    void cTwinAnswersLikeThisServer(Path dir, String cFile, String snippet,
            int threads) {
        Path exe = CTwins.compile("sockets/" + cFile, dir);
        List<String> c;
        try (ChildJvm twin = ChildJvm.start(List.of(exe.toString()))) {
            String listening = twin.awaitLine(l -> l.startsWith("écoute sur"),
                    Duration.ofSeconds(20));
            int port = Integer.parseInt(listening.replaceAll(".*:", ""));
            c = twoClients(new InetSocketAddress("127.0.0.1", port),
                    () -> assertThat(tasks(twin.pid()))
                            .as("threads du jumeau C, deux clients ouverts")
                            .isEqualTo(threads));
            // 0, 1, 2 hérités, 3 l'écoute : les clients ont 4 et 5
            twin.awaitLine("connexion : descripteur 5", Duration.ofSeconds(20));
            Snippets.write(snippet, "$ ./" + cFile.replace(".c", "") + "\n"
                    + twin.stdout().strip() + "\n");
        }
        List<String> java = twoClients(start().address(), () -> { });
        assertThat(c).containsExactly("a PONG", "b PONG", "a PONG", "b BYE",
                "b fermée", "a ERR");
        assertThat(java.stream().map(l -> l.replaceAll("ERR.*", "ERR")))
                .containsExactlyElementsOf(c);
    }

    /** Deux clients ouverts ensemble, servis en alternance. */
    private static List<String> twoClients(SocketAddress server,
            Runnable whileBothOpen) {
        List<String> seen = new ArrayList<>();
        try (LineClient a = LineClient.connect(server);
                LineClient b = LineClient.connect(server)) {
            seen.add("a " + a.send("PING").readLine());
            seen.add("b " + b.send("PING").readLine());
            whileBothOpen.run();
            seen.add("a " + a.send("PING").readLine()); // a toujours servi
            seen.add("b " + b.send("QUIT").readLine());
            seen.add(b.awaitClosedByServer() ? "b fermée" : "b ouverte");
            seen.add("a " + a.send("INCONNU").readLine());
        }
        return seen;
    }

    private static long tasks(long pid) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc",
                String.valueOf(pid), "task"))) {
            return tasks.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TcpServer track(TcpServer server) {
        started.add(server);
        return server;
    }

    @AfterEach
    void stopServers() {
        started.forEach(TcpServer::close);
    }

    static InetSocketAddress addr(TcpServer s) {
        return (InetSocketAddress) s.address();
    }

    @Test
    @DisplayName("répond à chaque requête du protocole, dans l'ordre")
    void answersEachRequestInOrder() {
        TcpServer server = start();
        try (LineClient c = LineClient.connect(server.address())) {
            c.send("PING").send("ECHO été").send("MAJ ça va")
                    .send("SOMME 2 3 4").send("DANSE");
            assertThat(List.of(c.readLine(), c.readLine(), c.readLine(),
                    c.readLine(), c.readLine())).containsExactly("PONG", "été",
                    "ÇA VA", "9", "ERR commande inconnue : DANSE");
            c.send("QUIT");
            assertThat(c.readLine()).isEqualTo(Protocol.BYE);
            assertThat(c.awaitClosedByServer()).isTrue();
        }
    }

    @Test
    @Timeout(60)
    @DisplayName("200 clients simultanés reçoivent chacun toutes leurs réponses justes")
    void twoHundredConcurrentClientsGetTheirOwnAnswers() throws Exception {
        TcpServer server = start(ServerOptions.DEFAULTS.withThreads(8));
        CyclicBarrier allConnected = new CyclicBarrier(CLIENTS);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<List<String>>> answers = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int me = i;
                answers.add(clients.submit(() -> {
                    try (LineClient c = LineClient.connect(server.address())) {
                        allConnected.await(30, TimeUnit.SECONDS);
                        c.send("SOMME " + me + " 1000").send("MAJ client-" + me)
                                .send("ECHO é" + me).send("QUIT");
                        return Arrays.asList(c.readLine(), c.readLine(),
                                c.readLine(), c.readLine());
                    }
                }));
            }
            for (int i = 0; i < CLIENTS; i++) {
                assertThat(answers.get(i).get(50, TimeUnit.SECONDS))
                        .containsExactly(Integer.toString(i + 1000),
                                "CLIENT-" + i, "é" + i, "BYE");
            }
        } finally {
            clients.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> server.openConnections() == 0);
    }

    @Test
    @DisplayName("un client qui part au milieu d'une ligne ne gêne pas les autres")
    void clientLeavingMidLineDoesNotHurtOthers() {
        TcpServer server = start();
        try (LineClient other = LineClient.connect(server.address())) {
            try (LineClient rude = LineClient.connect(server.address())) {
                rude.sendBytes("ECHO je pa".getBytes(StandardCharsets.UTF_8));
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> server.openConnections() == 2);
            } // fermé au milieu de la ligne
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> server.openConnections() == 1);
            assertThat(other.send("PING").readLine()).isEqualTo("PONG");
        }
    }

    @Test
    @DisplayName("des octets qui ne sont pas de l'UTF-8 reçoivent ERR, et la connexion continue")
    void garbageGetsAnErrorAndTheConversationGoesOn() {
        TcpServer server = start();
        try (LineClient c = LineClient.connect(server.address())) {
            c.sendBytes(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, '\n'});
            assertThat(c.readLine()).isEqualTo(Protocol.BAD_UTF8);
            c.sendBytes(new byte[] {0, 1, 2, 3, 27, '[', '2', 'J', '\n'});
            assertThat(c.readLine()).startsWith("ERR commande inconnue");
            c.sendBytes(new byte[] {'\r', '\n'});
            assertThat(c.readLine()).startsWith("ERR commande inconnue");
            assertThat(c.send("PING").readLine()).isEqualTo("PONG");
        }
    }

    @Test
    @DisplayName("une ligne plus longue que la limite : réponse d'erreur, puis fermeture")
    void tooLongLineIsAnsweredThenClosed() {
        TcpServer server = start();
        try (LineClient greedy = LineClient.connect(server.address());
                LineClient other = LineClient.connect(server.address())) {
            byte[] big = new byte[Protocol.MAX_LINE * 8]; // et pas de \n
            Arrays.fill(big, (byte) 'a');
            greedy.sendBytes(big);
            assertThat(greedy.readLine()).isEqualTo(Protocol.TOO_LONG);
            assertThat(greedy.awaitClosedByServer()).isTrue();
            assertThat(other.send("PING").readLine()).isEqualTo("PONG");
        }
    }

    @Test
    @DisplayName("une ligne de la longueur maximale exacte passe encore")
    void lineOfExactlyTheLimitIsAccepted() {
        TcpServer server = start();
        try (LineClient c = LineClient.connect(server.address())) {
            String text = "x".repeat(Protocol.MAX_LINE - "ECHO ".length());
            assertThat(c.send("ECHO " + text).readLine()).isEqualTo(text);
        }
    }

    @Test
    @DisplayName("un client muet est congédié après le délai d'inactivité")
    void idleClientIsDisconnected() {
        TcpServer server = start(
                ServerOptions.DEFAULTS.withIdle(Duration.ofMillis(300)));
        try (LineClient silent = LineClient.connect(server.address())) {
            assertThat(silent.readLine()).isEqualTo(Protocol.IDLE);
            assertThat(silent.awaitClosedByServer()).isTrue();
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> server.openConnections() == 0);
    }

    @Test
    @DisplayName("des écritures coupées n'importe où (même dans un caractère) donnent les mêmes lignes")
    void writesSplitAnywhereGiveTheSameLines() {
        TcpServer server = start();
        byte[] bytes = "ECHO déjà vu\nMAJ ça\n".getBytes(StandardCharsets.UTF_8);
        try (LineClient c = LineClient.connect(server.address())) {
            for (byte b : bytes) {
                c.sendBytes(new byte[] {b}); // un octet par segment TCP
            }
            assertThat(c.readLine()).isEqualTo("déjà vu");
            assertThat(c.readLine()).isEqualTo("ÇA");
        }
    }

    @Test
    @DisplayName("arrêter le serveur ferme toutes les connexions et libère le port")
    void stoppingClosesEveryConnectionAndFreesThePort() throws IOException {
        TcpServer server = start();
        int port = addr(server).getPort();
        List<LineClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                clients.add(LineClient.connect(server.address()));
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> server.openConnections() == 3);
            server.close();
            for (LineClient c : clients) {
                assertThat(c.awaitClosedByServer()).isTrue();
            }
            try (ServerSocket again = new ServerSocket()) {
                again.bind(new InetSocketAddress(addr(server).getAddress(),
                        port));
                assertThat(again.getLocalPort()).isEqualTo(port);
            }
        } finally {
            clients.forEach(LineClient::close);
        }
    }

    @Test
    @DisplayName("nc, le vrai client du système, dialogue avec le serveur")
    void ncTalksToTheServer() {
        Tools.require("nc");
        TcpServer server = start();
        int port = addr(server).getPort();
        ChildJvm.Result nc;
        try (ChildJvm child = ChildJvm.start(NcSession.nc(port, "-N", "-w", "10"))) {
            child.send("PING");
            child.send("SOMME 40 2");
            child.send("QUIT"); // le serveur répond BYE et ferme
            child.closeStdin(); // fin de l'entrée : nc sort une fois tout lu
            nc = child.awaitExit(Duration.ofSeconds(20));
        }
        assertThat(nc.stdout()).isEqualTo("PONG\n42\nBYE\n");
    }
}
