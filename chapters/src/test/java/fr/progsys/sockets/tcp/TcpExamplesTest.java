package fr.progsys.sockets.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import fr.progsys.sockets.LineDecoder;
import fr.progsys.sockets.ServerOptions;
import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.Snippets;

@DisplayName("S10, S16–S21 : connect, accept, close, write, read")
class TcpExamplesTest {

    static ChildJvm.Result runExample(Class<?> main, String snippet,
            String name) {
        ChildJvm.Result run = ChildJvm.run(Duration.ofSeconds(30), main);
        Snippets.console("sockets/" + snippet, name, run.console());
        assertThat(run.exitCode()).as(run.console()).isZero();
        return run;
    }

    @Test
    @DisplayName("S19 : connect vers un port où personne n'écoute est refusé (ECONNREFUSED)")
    void connectToClosedPortIsRefused() throws IOException {
        InetSocketAddress closed = ConnectOutcomes.closedPort();
        try (Socket s = new Socket()) {
            // refusé bien avant le délai : le noyau a répondu RST
            assertThatThrownBy(() -> s.connect(closed, 30_000))
                    .isInstanceOf(ConnectException.class)
                    .hasMessageContaining("Connection refused");
        }
    }

    @Test
    @DisplayName("S16/S19 : file pleine, sans accept : connect attend et dépasse son délai")
    void connectTimesOutWhenBacklogIsFull() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1,
                InetAddress.getLoopbackAddress())) {
            List<String> outcomes = ConnectOutcomes.fillBacklog(server, 4);
            assertThat(outcomes.get(0)).endsWith("connecté, dans la file");
            assertThat(outcomes.get(3)).endsWith("délai dépassé (file pleine)");
        }
        ChildJvm.Result run = runExample(ConnectOutcomes.class, "connect.txt",
                "sockets.tcp.connect");
        assertThat(run.stdout()).contains("refusé : Connection refused",
                "délai dépassé (file pleine)");
    }

    @Test
    @DisplayName("S16 : SOMAXCONN, plafond du backlog, se lit dans /proc")
    void somaxconnCapsTheBacklog() throws IOException {
        int somaxconn = Integer.parseInt(Files.readAllLines(
                Path.of("/proc/sys/net/core/somaxconn")).get(0).strip());
        assertThat(somaxconn).isGreaterThanOrEqualTo(128);
        assertThat(BlockingServer.BACKLOG).isLessThanOrEqualTo(somaxconn);
    }

    @Test
    @DisplayName("S17 : le Selector signale une connexion en attente ; accept rend l'adresse du client")
    void selectorSeesPendingConnection() throws IOException {
        try (ServerSocketChannel listener = ServerSocketChannel.open();
                Selector selector = Selector.open()) {
            listener.bind(new InetSocketAddress(
                    InetAddress.getLoopbackAddress(), 0));
            listener.configureBlocking(false);
            listener.register(selector, SelectionKey.OP_ACCEPT);
            assertThat(selector.selectNow()).isZero(); // file vide
            assertThat(listener.accept()).isNull(); // ne bloque pas
            try (SocketChannel client =
                    SocketChannel.open(listener.getLocalAddress())) {
                assertThat(selector.select(10_000)).isEqualTo(1);
                try (SocketChannel accepted = listener.accept()) {
                    assertThat(accepted.getRemoteAddress())
                            .isEqualTo(client.getLocalAddress());
                }
            }
        }
    }

    @Test
    @DisplayName("S10 : ce qui est écrit avant close est livré en entier")
    void closeStillDeliversWrittenData() throws IOException {
        ChildJvm.Result run = runExample(CloseDelivers.class, "close.txt",
                "sockets.tcp.close");
        List<long[]> counts = new ArrayList<>();
        for (String line : run.stdout().lines().toList()) {
            if (line.startsWith("SO_LINGER")) {
                String[] w = line.replaceAll("[^0-9 ]", "").trim().split("\\s+");
                counts.add(new long[] {Long.parseLong(w[w.length - 2]),
                        Long.parseLong(w[w.length - 1])});
            }
        }
        assertThat(counts).hasSize(2);
        assertThat(counts.get(0)[1]).isEqualTo(counts.get(0)[0]).isPositive();
        assertThat(counts.get(1)[1]).isLessThan(counts.get(1)[0]);
    }

    @Test
    @DisplayName("S20 : un write non bloquant prend moins que demandé, puis 0")
    void nonBlockingWriteIsPartial() {
        ChildJvm.Result run = runExample(PartialWrite.class,
                "partial-write.txt", "sockets.tcp.partial-write");
        assertThat(run.stdout()).contains("premier write : partiel",
                "restent des octets, write rend 0");
    }

    @Test
    @DisplayName("S21 : chaque read rend un morceau ; le découpage en lignes redonne les requêtes")
    void readReturnsPiecesFramingRebuildsLines() {
        ChildJvm.Result run = runExample(Framing.class, "framing.txt",
                "sockets.tcp.framing");
        assertThat(run.stdout()).contains("read a rendu 4 octets",
                "read a rendu 6 octets", "read a rendu 13 octets",
                "ligne complète : ECHO déjà vu", "ligne complète : MAJ ça");
    }

    @Test
    @DisplayName("S21 : quel que soit le découpage en deux morceaux, les mêmes lignes")
    void everySplitGivesTheSameLines() {
        byte[] all = "ECHO déjà vu\nMAJ ça\n".getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= all.length; cut++) {
            LineDecoder d = new LineDecoder(1024);
            List<LineDecoder.Line> lines = new ArrayList<>(
                    d.feed(ByteBuffer.wrap(all, 0, cut)));
            lines.addAll(d.feed(ByteBuffer.wrap(all, cut, all.length - cut)));
            assertThat(lines).extracting(LineDecoder.Line::text)
                    .as("coupure à %d", cut)
                    .containsExactly("ECHO déjà vu", "MAJ ça");
        }
    }

    @Test
    @DisplayName("S18 : le client d'exemple se connecte, envoie, lit les réponses")
    void exampleClientTalksToTheServer() {
        try (TcpServer server = new ThreadPerConnectionServer(
                ServerOptions.DEFAULTS, line -> { })) {
            int port = ((InetSocketAddress) server.address()).getPort();
            String args = "--port " + port + " PING MAJ QUIT";
            ChildJvm.Result run = ChildJvm.run(Duration.ofSeconds(30),
                    TcpClient.class, args.split(" "));
            Snippets.console("sockets/tcp-client.txt", "sockets.tcp.client",
                    args, run.console());
            assertThat(run.stdout()).isEqualTo(
                    "PING → PONG\nMAJ → \nQUIT → BYE\n");
        }
    }

    @Test
    @DisplayName("S18 : le client sans serveur échoue tout de suite, sans bloquer")
    void clientWithoutServerFailsFast() throws IOException {
        InetSocketAddress closed = ConnectOutcomes.closedPort();
        assertThatThrownBy(() -> TcpClient.exchange(closed, List.of("PING")))
                .isInstanceOf(ConnectException.class);
    }
}
