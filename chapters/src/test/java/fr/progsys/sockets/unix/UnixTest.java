package fr.progsys.sockets.unix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.progsys.CTwins;
import fr.progsys.sockets.LineClient;
import fr.progsys.sockets.NcSession;
import fr.progsys.sockets.tcp.TcpServer;
import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.Snippets;
import fr.progsys.testkit.Tools;
import jnr.unixsocket.UnixDatagramChannel;
import jnr.unixsocket.UnixSocketAddress;

@DisplayName("U01, S06 : sockets du domaine Unix (exemples UnixStreamServer, UnixDatagramServer, PathLimit)")
class UnixTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    @DisplayName("U01 : flux Unix : le fichier de socket vit dans un dossier 0700 et disparaît à l'arrêt")
    void streamServerSocketFileIsPrivateAndRemoved() throws IOException {
        Path socket = SocketDir.createPrivate().resolve("service.sock");
        TcpServer server = UnixStreamServer.open(socket,
                Duration.ofSeconds(30), line -> { });
        try (LineClient c = LineClient.connect(server.address())) {
            assertThat(Files.getPosixFilePermissions(socket.getParent()))
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(socket).exists();
            assertThat(c.send("MAJ unix").readLine()).isEqualTo("UNIX");
            server.close();
            assertThat(c.awaitClosedByServer()).isTrue(); // connexions closes
        } finally {
            server.close();
        }
        assertThat(socket).doesNotExist();
        assertThat(socket.getParent()).doesNotExist();
    }

    /** {@code socat} lancé sous l'utilisateur nobody : se connecte puis part. */
    static ChildJvm.Result connectAsNobody(Path socket) {
        return CTwins.run(List.of("setpriv", "--reuid=65534", "--regid=65534",
                "--clear-groups", "socat", "-u", "OPEN:/dev/null",
                "UNIX-CONNECT:" + socket));
    }

    @Test
    @DisplayName("U01 : pour se connecter, il faut écrire sur le fichier de socket et traverser son dossier")
    void connectNeedsWriteOnFileAndSearchOnDirectory() throws IOException {
        Tools.require("socat");
        Tools.require("setpriv");
        Path socket = SocketDir.createPrivate().resolve("service.sock");
        TcpServer server = UnixStreamServer.open(socket,
                Duration.ofSeconds(30), line -> { });
        try {
            Path dir = socket.getParent();
            Files.setPosixFilePermissions(socket,
                    PosixFilePermissions.fromString("rwxrwxrwx"));
            ChildJvm.Result privateDir = connectAsNobody(socket);
            assumeTrue(!privateDir.stderr().contains("setpriv"),
                    "setpriv impossible ici (il faut root) : "
                            + privateDir.console());
            assertThat(privateDir.exitCode()).isNotZero();
            assertThat(privateDir.stderr()).contains("Permission denied");
            Files.setPosixFilePermissions(dir,
                    PosixFilePermissions.fromString("rwxr-xr-x"));
            ChildJvm.Result open = connectAsNobody(socket);
            assertThat(open.exitCode()).as(open.console()).isZero();
            Files.setPosixFilePermissions(socket,
                    PosixFilePermissions.fromString("rwxr-xr-x"));
            ChildJvm.Result readOnly = connectAsNobody(socket);
            assertThat(readOnly.exitCode()).isNotZero();
            assertThat(readOnly.stderr()).contains("Permission denied");
        } finally {
            server.close();
        }
        assertThat(socket.getParent()).doesNotExist();
    }

    @Test
    @DisplayName("U01 : flux Unix : un fichier de socket déjà présent fait échouer bind")
    void bindOnExistingSocketFileFails(@TempDir Path dir) throws IOException {
        Path socket = dir.resolve("s.sock");
        try (ServerSocketChannel first =
                ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            first.bind(UnixDomainSocketAddress.of(socket));
            assertThatThrownBy(() -> UnixStreamServer.open(socket,
                    Duration.ofSeconds(1), line -> { }))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("Address already in use");
        }
        Files.deleteIfExists(socket);
    }

    @Test
    @DisplayName("U01 : socat parle au serveur Unix (flux) lancé comme par une personne")
    void socatTalksToTheStreamServer() {
        Tools.require("socat");
        String session;
        Path socket;
        ChildJvm.Result result;
        try (ChildJvm child = ChildJvm.start(UnixStreamServer.class)) {
            String banner = child.awaitLine("serveur Unix (flux) sur ", WAIT);
            socket = Path.of(banner.substring(banner.indexOf(" sur ") + 5));
            session = NcSession.run(
                    List.of("socat", "-", "UNIX-CONNECT:" + socket),
                    "socat - UNIX-CONNECT:$SOCK",
                    List.of("PING", "SOMME 20 22", "QUIT"));
            child.send("stop");
            result = child.awaitExit(WAIT);
        }
        assertThat(session).endsWith("PING\nPONG\nSOMME 20 22\n42\nQUIT\nBYE\n");
        assertThat(result.exitCode()).isZero();
        assertThat(socket).doesNotExist();
        Snippets.write("sockets/unix-socat.txt", session);
    }

    @Test
    @DisplayName("U01 : datagrammes Unix : un client lié reçoit sa réponse")
    @SuppressWarnings("try") // le serveur répond tant qu'il est ouvert
    void datagramClientWithANameGetsAnAnswer(@TempDir Path dir)
            throws IOException {
        Path path = SocketDir.createPrivate().resolve("d.sock");
        try (UnixDatagramServer server =
                new UnixDatagramServer(path, line -> { })) {
            assertThat(UnixDatagramServer.ask(path, dir.resolve("c.sock"),
                    "SOMME 1 1")).isEqualTo("2");
        }
        assertThat(path).doesNotExist();
        assertThat(dir.resolve("c.sock")).doesNotExist();
    }

    @Test
    @DisplayName("U01 : datagrammes Unix : un client sans nom ne peut pas recevoir de réponse")
    @SuppressWarnings("try") // le serveur répond tant qu'il est ouvert
    void unnamedDatagramClientCannotBeAnswered() throws IOException {
        List<String> log = new CopyOnWriteArrayList<>();
        Path path = SocketDir.createPrivate().resolve("d.sock");
        try (UnixDatagramServer server = new UnixDatagramServer(path, log::add);
                UnixDatagramChannel anonymous = UnixDatagramChannel.open()) {
            anonymous.send(ByteBuffer.wrap("PING".getBytes(
                    StandardCharsets.UTF_8)), new UnixSocketAddress(path.toFile()));
            await().atMost(WAIT).until(() -> log.contains(
                    "expéditeur sans nom : pas de réponse possible"));
        }
    }

    @Test
    @DisplayName("U01 : datagrammes Unix : sans réponse, le client abandonne après son délai")
    void datagramClientGivesUpWhenNobodyAnswers(@TempDir Path dir)
            throws IOException {
        Path mute = dir.resolve("muet.sock");
        try (UnixDatagramChannel silent = UnixDatagramChannel.open()) {
            silent.bind(new UnixSocketAddress(mute.toFile()));
            assertThatThrownBy(() -> UnixDatagramServer.ask(mute,
                    dir.resolve("c.sock"), "PING"))
                    .isInstanceOf(java.net.SocketTimeoutException.class)
                    .hasMessageContaining("pas de réponse");
        }
        assertThat(dir.resolve("c.sock")).doesNotExist();
    }

    @Test
    @DisplayName("U01 : l'exemple datagramme répond à ses requêtes et ne laisse aucun fichier")
    void datagramExampleRuns() {
        ChildJvm.Result run = Snippets.capture(UnixDatagramServer.class,
                "PING", "MAJ unix");
        assertThat(run.stdout()).isEqualTo("PING → PONG\nMAJ unix → UNIX\n");
    }

    @Test
    @DisplayName("S06 : 106 octets passent ; 107 et 108 sont refusés avant bind, avec un message clair")
    void tooLongPathIsRefusedClearly(@TempDir Path dir) {
        assertThat(SocketDir.check(PathLimit.pathOfLength(dir, 106)))
                .isEqualTo(PathLimit.pathOfLength(dir, 106));
        for (int bytes : new int[] {107, 108}) {
            assertThatThrownBy(() -> SocketDir.check(PathLimit.pathOfLength(
                    dir, bytes))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("chemin de socket trop long : " + bytes
                            + " octets, 106 au plus (sun_path)");
        }
    }

    @Test
    @DisplayName("S06 : le JDK lie 106 octets et refuse dès 107 : SocketDir.check suit exactement le JDK")
    void checkMatchesTheJdkLimit(@TempDir Path dir) throws IOException {
        System.out.println("JDK " + Runtime.version());
        Path p106 = PathLimit.pathOfLength(dir, 106);
        try (ServerSocketChannel s =
                ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            s.bind(UnixDomainSocketAddress.of(SocketDir.check(p106)));
            assertThat(p106).exists();
        } finally {
            Files.deleteIfExists(p106);
        }
        for (int bytes : new int[] {107, 108}) {
            Path p = PathLimit.pathOfLength(dir, bytes);
            try (ServerSocketChannel s =
                    ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                assertThatThrownBy(() -> s.bind(UnixDomainSocketAddress.of(p)))
                        .as("%d octets", bytes)
                        .isInstanceOf(IOException.class)
                        .hasMessage("Unix domain path too long");
            }
            assertThatThrownBy(() -> SocketDir.check(p))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(p).doesNotExist();
        }
        ChildJvm.Result run = Snippets.capture(PathLimit.class);
        assertThat(run.stdout()).isEqualTo("106 octets : lié\n"
                + "107 octets : chemin de socket trop long : 107 octets,"
                + " 106 au plus (sun_path)\n"
                + "108 octets : chemin de socket trop long : 108 octets,"
                + " 106 au plus (sun_path)\n");
    }

    @Test
    @DisplayName("S06 : le noyau lie 107 octets (jnr) et 108 sans zéro final (jumeau C), ce que le JDK refuse")
    void kernelTakes107And108Bytes(@TempDir Path dir) throws IOException {
        Path p107 = PathLimit.pathOfLength(dir, 107);
        try (UnixDatagramChannel ch = UnixDatagramChannel.open()) {
            ch.bind(new UnixSocketAddress(p107.toFile()));
            assertThat(p107).exists();
        } finally {
            Files.deleteIfExists(p107);
        }
        // struct sockaddr_un selon gcc : pas de sun_len, sun_path de 108.
        assertThat(CTwins.keyValues(CTwins.runOk(CTwins.compile(
                "sockets/sockaddr_layout.c", dir)).stdout()))
                .containsEntry("offsetof(sun_path)", "2")
                .containsEntry("sizeof(sun_path)",
                        Integer.toString(SocketDir.SUN_PATH_LINUX));
        Path exe = CTwins.compile("sockets/sun_path.c", dir);
        Path p108 = PathLimit.pathOfLength(dir, 108);
        ChildJvm.Result c = CTwins.runOk(exe, p108.toString());
        assertThat(c.stdout()).isEqualTo(
                "108 octets : lié, fichier de socket présent sous ce nom\n");
        assertThat(p108).doesNotExist(); // effacé par le jumeau
        // 109 octets ne tiennent plus dans sun_path : le jumeau refuse.
        assertThat(CTwins.run(List.of(exe.toString(),
                PathLimit.pathOfLength(dir, 109).toString())).exitCode())
                .isEqualTo(2);
    }
}
