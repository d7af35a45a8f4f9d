package fr.progsys.sockets.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.progsys.sockets.support.LineDecoder;
import fr.progsys.sockets.support.ServerOptions;
import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.Snippets;
import fr.progsys.testkit.Tools;

@DisplayName("S10, S16, S17, S18, S19, S20, S21 : connect, accept, close, write, read (exemples ConnectOutcomes, CloseDelivers, PartialWrite, Framing, TcpClient)")
class TcpExamplesTest {

    static ChildJvm.Result runExample(Class<?> main) {
        ChildJvm.Result run = Snippets.capture(main);
        assertThat(run.exitCode()).as(run.console()).isZero();
        return run;
    }

    @Test
    @DisplayName("S19 : connect vers un port où personne n'écoute est refusé (ECONNREFUSED)")
    void connectToClosedPortIsRefused() throws IOException {
        InetSocketAddress closed = ConnectOutcomes.closedPort();
        try (Socket s = new Socket()) {
            // refusé bien avant le délai : le noyau a répondu RST
            long start = System.nanoTime();
            assertThatThrownBy(() -> s.connect(closed, 30_000))
                    .isInstanceOf(ConnectException.class)
                    .hasMessageContaining("Connection refused");
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofSeconds(10)); // pas d'attente
        }
    }

    @Test
    @DisplayName("S16, S19 : backlog 1, sans accept : deux clients dans la file, les suivants dépassent leur délai")
    void connectTimesOutWhenBacklogIsFull() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1,
                InetAddress.getLoopbackAddress())) {
            // Linux admet backlog + 1 connexions établies dans la file.
            assertThat(ConnectOutcomes.fillBacklog(server, 4)).containsExactly(
                    "client 1 : connecté, dans la file",
                    "client 2 : connecté, dans la file",
                    "client 3 : délai dépassé (file pleine)",
                    "client 4 : délai dépassé (file pleine)");
        }
        ChildJvm.Result run = runExample(ConnectOutcomes.class);
        assertThat(run.stdout()).contains("refusé : Connection refused",
                "délai dépassé (file pleine)");
    }

    /** Le Send-Q que {@code ss -ltn} montre pour une socket d'écoute : son backlog. */
    static int backlogShownBySs(int port) {
        ChildJvm.Result ss = ChildJvm.run(Duration.ofSeconds(20), List.of("ss",
                "-ltnH", "sport = :" + port));
        assertThat(ss.exitCode()).as(ss.console()).isZero();
        String[] cols = ss.stdout().strip().split("\\s+");
        assertThat(cols[0]).as(ss.stdout()).isEqualTo("LISTEN");
        return Integer.parseInt(cols[2]); // State Recv-Q Send-Q …
    }

    @Test
    @DisplayName("S16 : listen(somaxconn + 1000) : le noyau ramène le backlog à /proc/sys/net/core/somaxconn (ss)")
    void somaxconnCapsTheBacklog() throws IOException {
        Tools.require("ss");
        int somaxconn = Integer.parseInt(Files.readAllLines(
                Path.of("/proc/sys/net/core/somaxconn")).get(0).strip());
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (ServerSocket small = new ServerSocket(0, 1, lo);
                ServerSocket huge = new ServerSocket(0, somaxconn + 1000, lo)) {
            int smallShown = backlogShownBySs(small.getLocalPort());
            int hugeShown = backlogShownBySs(huge.getLocalPort());
            Snippets.write("sockets/somaxconn.txt", String.format(
                    "/proc/sys/net/core/somaxconn : %d%n"
                            + "%-16s → Send-Q de ss -ltn : %d%n"
                            + "%-16s → Send-Q de ss -ltn : %d%n", somaxconn,
                    "listen(s, 1)", smallShown,
                    "listen(s, " + (somaxconn + 1000) + ")", hugeShown));
            assertThat(smallShown).isEqualTo(1); // ss montre bien le backlog
            assertThat(hugeShown).isEqualTo(somaxconn); // plafonné
        }
        assertThat(BlockingServer.BACKLOG).isLessThanOrEqualTo(somaxconn);
    }

    @Test
    @DisplayName("S16 : SOMAXCONN n'est pas dans sys/socket.h mais dans bits/socket.h (glibc, gcc -E)")
    void somaxconnIsDefinedInBitsSocketH(@TempDir Path dir) throws IOException {
        Tools.require("gcc");
        Path c = Files.writeString(dir.resolve("s.c"),
                "#include <sys/socket.h>\n");
        ChildJvm.Result pre = ChildJvm.run(Duration.ofSeconds(30), List.of("gcc",
                "-E", "-dD", c.toString()));
        assertThat(pre.exitCode()).as(pre.console()).isZero();
        String file = null;
        String where = null;
        for (String line : pre.stdout().lines().toList()) {
            if (line.startsWith("# ") && line.contains("\"")) {
                file = line.substring(line.indexOf('"') + 1,
                        line.lastIndexOf('"')); // le fichier en cours
            } else if (line.startsWith("#define SOMAXCONN")) {
                where = file + " : " + line;
            }
        }
        System.out.println(where);
        Snippets.write("sockets/somaxconn-header.txt", where.replace("\t", " ")
                + "\n");
        assertThat(where).matches(".*/bits/socket\\.h : #define SOMAXCONN\\s+\\d+");
    }

    @Test
    @DisplayName("S21 : read prend void *buf : le prototype const void * de la diapositive est refusé par gcc")
    void readTakesAWritableBuffer(@TempDir Path dir) throws IOException {
        Tools.require("gcc");
        String slide = "#include <unistd.h>\n"
                + "ssize_t read(int fd, const void *buf, size_t count);\n";
        String real = "#include <unistd.h>\n"
                + "ssize_t read(int fd, void *buf, size_t count);\n"
                + "ssize_t write(int fd, const void *buf, size_t count);\n";
        ChildJvm.Result bad = syntaxCheck(dir.resolve("slide.c"), slide);
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.stderr()).contains("conflicting types");
        ChildJvm.Result good = syntaxCheck(dir.resolve("real.c"), real);
        assertThat(good.exitCode()).as(good.console()).isZero();
    }

    static ChildJvm.Result syntaxCheck(Path file, String source)
            throws IOException {
        Files.writeString(file, source);
        return ChildJvm.run(Duration.ofSeconds(30), List.of("gcc",
                "-std=c11", "-fsyntax-only", file.toString()));
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

    /** Les paires (écrits, lus) des lignes « … : écrits N, lus M ». */
    static List<long[]> writtenAndRead(String stdout) {
        List<long[]> counts = new ArrayList<>();
        Matcher m = Pattern.compile("écrits (\\d+), lus (\\d+)").matcher(stdout);
        while (m.find()) {
            counts.add(new long[] {Long.parseLong(m.group(1)),
                    Long.parseLong(m.group(2))});
        }
        return counts;
    }

    @Test
    @DisplayName("S10 : ce qui est écrit avant close est livré en entier ; SO_LINGER 0 le jette")
    void closeStillDeliversWrittenData() throws IOException {
        ChildJvm.Result run = runExample(CloseDelivers.class);
        List<long[]> counts = writtenAndRead(run.stdout());
        assertThat(counts).hasSize(3);
        assertThat(counts.get(0)[1]).isEqualTo(counts.get(0)[0]).isPositive();
        assertThat(counts.get(1)[1]).isLessThan(counts.get(1)[0]);
        assertThat(counts.get(2)[1]).isLessThan(counts.get(2)[0]);
        // Un RST (« Connection reset ») après les deuxième et troisième
        // fermetures seulement : la première finit par un FIN.
        List<String> lines = run.stdout().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("SO_LINGER 0 non : ");
        assertThat(lines.get(1)).isEqualTo("lecteur : Connection reset");
        assertThat(lines.get(2)).startsWith("SO_LINGER 0 oui : ");
        assertThat(lines.get(3)).isEqualTo("lecteur : Connection reset");
        assertThat(lines.get(4)).startsWith("non lu à la fermeture : ");
    }

    @Test
    @DisplayName("S10 : fermer avec des octets reçus non lus envoie un RST : le lecteur perd la fin (Connection reset)")
    void closeWithUnreadDataResetsTheConnection() throws IOException {
        try (Connected c = Connected.open()) {
            c.reader().getOutputStream().write('?'); // jamais lu par c.writer()
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    c.writer().socket().getInputStream().available() == 1);
            long written = CloseDelivers.writeThenClose(c.writer(), false);
            c.reader().setSoTimeout(10_000);
            byte[] chunk = new byte[64 * 1024];
            long[] read = {0};
            assertThatThrownBy(() -> {
                for (int n; (n = c.reader().getInputStream().read(chunk)) > 0; ) {
                    read[0] += n;
                }
            }).isInstanceOf(SocketException.class)
                    .hasMessageContaining("Connection reset");
            // Ce qui était encore dans le tampon d'envoi de c.writer() est perdu
            // (write a rendu 0 : le tampon était plein) ; Linux livre ce qui
            // avait déjà atteint le tampon de réception du lecteur.
            assertThat(read[0]).isPositive().isLessThan(written);
        }
    }

    @Test
    @DisplayName("S10 : sans octet non lu, close sans SO_LINGER finit par un FIN : fin de flot, pas de RST")
    void closeWithoutUnreadDataEndsWithFin() throws IOException {
        try (Connected c = Connected.open()) {
            long written = CloseDelivers.writeThenClose(c.writer(), false);
            c.reader().setSoTimeout(10_000);
            byte[] chunk = new byte[64 * 1024];
            long read = 0;
            int n;
            while ((n = c.reader().getInputStream().read(chunk)) > 0) {
                read += n; // aucune exception : FIN, pas RST
            }
            assertThat(n).isEqualTo(-1);
            assertThat(read).isEqualTo(written);
        }
    }

    @Test
    @DisplayName("S20 : un write non bloquant prend moins que demandé, puis 0")
    void nonBlockingWriteIsPartial() {
        ChildJvm.Result run = runExample(PartialWrite.class);
        assertThat(run.stdout()).contains("premier write : partiel",
                "restent des octets, write rend 0");
    }

    @Test
    @DisplayName("S21 : chaque read rend un morceau ; le découpage en lignes redonne les requêtes")
    void readReturnsPiecesFramingRebuildsLines() {
        ChildJvm.Result run = runExample(Framing.class);
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
            ChildJvm.Result run = Snippets.capture(TcpClient.class,
                    args.split(" "));
            assertThat(run.stdout()).isEqualTo(
                    "PING → PONG\nMAJ → \nQUIT → BYE\n");
        }
    }

    @Test
    @DisplayName("S18 : le client sans serveur échoue tout de suite, sans bloquer")
    void clientWithoutServerFailsFast() throws IOException {
        InetSocketAddress closed = ConnectOutcomes.closedPort();
        long start = System.nanoTime();
        assertThatThrownBy(() -> TcpClient.exchange(closed, List.of("PING")))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("Connection refused");
        // Refus immédiat, pas l'expiration du délai de connect du client.
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isLessThan(Duration.ofMillis(TcpClient.TIMEOUT_MS));
    }

    /** Une connexion TCP sur la boucle locale : writer côté client, reader côté serveur. */
    private record Connected(ServerSocket server, SocketChannel writer, Socket reader)
            implements AutoCloseable {

        static Connected open() throws IOException {
            ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            SocketChannel writer = null;
            try {
                writer = SocketChannel.open(server.getLocalSocketAddress());
                return new Connected(server, writer, server.accept());
            } catch (IOException e) {
                if (writer != null) {
                    writer.close();
                }
                server.close();
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                reader.close();
            } finally {
                try {
                    writer.close();
                } finally {
                    server.close();
                }
            }
        }
    }
}
