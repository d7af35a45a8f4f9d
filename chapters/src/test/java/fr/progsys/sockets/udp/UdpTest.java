package fr.progsys.sockets.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import fr.progsys.CTwins;
import fr.progsys.sockets.NcSession;
import fr.progsys.sockets.support.Protocol;
import fr.progsys.sockets.support.ServerOptions;
import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.Snippets;
import fr.progsys.testkit.Tools;

@DisplayName("S11, S12, S13, S14 : client-serveur UDP (exemples UdpServer, UdpClient, DatagramLimits, GatherScatter)")
class UdpTest {

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final UdpServer server =
            new UdpServer(ServerOptions.DEFAULTS, log::add);

    @AfterEach
    void stop() {
        server.close();
    }

    /** Envoie un datagramme depuis {@code socket}, rend la réponse. */
    static String ask(DatagramSocket socket, InetSocketAddress to, byte[] data)
            throws IOException {
        socket.setSoTimeout(10_000);
        socket.send(new DatagramPacket(data, data.length, to));
        DatagramPacket in = new DatagramPacket(new byte[4096], 4096);
        socket.receive(in);
        return new String(in.getData(), 0, in.getLength(),
                StandardCharsets.UTF_8);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("S11 : le serveur répond à chaque client à l'adresse apprise du datagramme")
    void serverAnswersEachClientAtItsOwnAddress() throws IOException {
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (DatagramSocket a = new DatagramSocket(new InetSocketAddress(lo, 0));
                DatagramSocket b =
                        new DatagramSocket(new InetSocketAddress(lo, 0))) {
            a.send(new DatagramPacket(utf8("ECHO pour a"), 11,
                    server.address()));
            assertThat(ask(b, server.address(), utf8("ECHO pour b")))
                    .isEqualTo("pour b\n");
            a.setSoTimeout(10_000);
            DatagramPacket in = new DatagramPacket(new byte[100], 100);
            a.receive(in);
            assertThat(new String(in.getData(), 0, in.getLength(),
                    StandardCharsets.UTF_8)).isEqualTo("pour a\n");
            assertThat(in.getSocketAddress()).isEqualTo(server.address());
            String aPort = ":" + a.getLocalPort() + " : ";
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    log.stream().anyMatch(l -> l.contains(aPort + "pour a")));
        }
    }

    @Test
    @DisplayName("S11 : UDP et le protocole : plusieurs lignes par datagramme, \\n final facultatif")
    void severalLinesPerDatagram() throws IOException {
        try (DatagramSocket c = new DatagramSocket(new InetSocketAddress(
                InetAddress.getLoopbackAddress(), 0))) {
            assertThat(ask(c, server.address(), utf8("PING")))
                    .isEqualTo("PONG\n");
            assertThat(ask(c, server.address(), utf8("SOMME 1 2\nMAJ ok\n")))
                    .isEqualTo("3\nOK\n");
        }
    }

    @Test
    @DisplayName("UDP : octets invalides et datagramme trop long reçoivent ERR, le serveur continue")
    void garbageAndOversizedDatagramsGetErrors() throws IOException {
        try (DatagramSocket c = new DatagramSocket(new InetSocketAddress(
                InetAddress.getLoopbackAddress(), 0))) {
            assertThat(ask(c, server.address(), new byte[] {(byte) 0xFF, 'a'}))
                    .isEqualTo(Protocol.BAD_UTF8 + "\n");
            byte[] big = new byte[5000];
            Arrays.fill(big, (byte) 'x');
            assertThat(ask(c, server.address(), big))
                    .isEqualTo(Protocol.TOO_LONG + "\n");
            assertThat(ask(c, server.address(), utf8("PING")))
                    .isEqualTo("PONG\n");
        }
    }

    @Test
    @DisplayName("UDP : sans réponse, le client abandonne au bout de son délai (rien ne bloque)")
    void clientGivesUpWhenNobodyAnswers() throws IOException {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(
                InetAddress.getLoopbackAddress(), 0))) {
            List<String> replies = UdpClient.exchange(
                    (InetSocketAddress) silent.getLocalSocketAddress(),
                    List.of("PING"));
            assertThat(replies).containsExactly("(pas de réponse en 2000 ms)");
        }
    }

    @Test
    @DisplayName("UDP : arrêter le serveur libère son port")
    void stoppingFreesThePort() throws IOException {
        InetSocketAddress where = server.address();
        server.close();
        try (DatagramSocket again = new DatagramSocket(where)) {
            assertThat(again.getLocalPort()).isEqualTo(where.getPort());
        }
    }

    @Test
    @DisplayName("S11 : le client d'exemple, lié au port 0, reçoit ses réponses")
    void exampleClientTalksToTheServer() {
        String args = "--port " + server.address().getPort()
                + " PING QUIT";
        ChildJvm.Result run = Snippets.capture(UdpClient.class,
                args.split(" "));
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("PING → PONG")
                .containsPattern("client lié à 127\\.0\\.0\\.1:[1-9]\\d*\n");
        int port = Integer.parseInt(run.stdout().replaceAll(
                "(?s).*client lié à 127\\.0\\.0\\.1:(\\d+).*", "$1"));
        assertThat(port).as("port choisi par le système, pas celui du serveur")
                .isNotEqualTo(server.address().getPort());
    }

    @Test
    @Timeout(120)
    @DisplayName("S09, S11 : le jumeau C udp_client.c (sendto, recvfrom) reçoit du serveur Java les réponses qu'obtient UdpClient")
    void cTwinClientGetsTheSameReplies(@TempDir Path dir) throws IOException {
        Path exe = CTwins.compile("sockets/udp_client.c", dir);
        String port = String.valueOf(server.address().getPort());
        ChildJvm.Result c = CTwins.runOk(exe, port, "PING", "SOMME 2 3", "QUIT");
        Snippets.write("sockets/udp-client-c.txt", "$ ./udp_client " + port
                + " PING 'SOMME 2 3' QUIT\n" + c.stdout());
        List<String> java = UdpClient.exchange(server.address(),
                List.of("PING", "SOMME 2 3", "QUIT"));
        // Un jumeau qui oublierait htons enverrait ailleurs : pas de réponse.
        assertThat(c.stdout().lines().filter(l -> l.contains(" → "))
                .map(l -> l.substring(l.indexOf(" → ") + 3)))
                .containsExactly("PONG", "5", Protocol.BYE)
                .containsExactlyElementsOf(java);
        int cPort = Integer.parseInt(c.stdout().replaceAll(
                "(?s).*client lié à 127\\.0\\.0\\.1:(\\d+).*", "$1"));
        assertThat(cPort).as("port 0 : le noyau en choisit un libre")
                .isPositive().isNotEqualTo(server.address().getPort());
    }

    @Test
    @DisplayName("S11 : nc -u parle au serveur UDP, une ligne par datagramme")
    void ncTalksUdp() {
        Tools.require("nc");
        int port = server.address().getPort();
        String session = NcSession.run(NcSession.nc(port, "-u"),
                "nc -u 127.0.0.1 " + port,
                List.of("PING", "MAJ bonjour", "SOMME 1 2 3", "QUIT"));
        assertThat(session).endsWith("PING\nPONG\nMAJ bonjour\nBONJOUR\n"
                + "SOMME 1 2 3\n6\nQUIT\nBYE\n");
        Snippets.write("sockets/udp-nc.txt", session);
    }

    @Test
    @DisplayName("S12 : 65 507 octets passent en un datagramme, 65 508 échouent (EMSGSIZE)")
    void largestDatagramAndOneByteMore() throws IOException {
        assertThat(DatagramLimits.sendOne(DatagramLimits.MAX_UDP_IPV4))
                .isEqualTo(65_507);
        assertThatThrownBy(() -> DatagramLimits.sendOne(65_508))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Message too long");
        ChildJvm.Result run = Snippets.capture(DatagramLimits.class);
        assertThat(run.stdout()).contains("65507 octets envoyés, 65507 reçus",
                "65508 octets : refusé (Message too long)");
    }

    @Test
    @DisplayName("S12 : sur un MTU de 1500, IPv4 fragmente au-delà de 1472 octets de données (MTU − 28)")
    void fragmentationStartsAboveMtuMinus28(@TempDir Path dir) {
        Tools.require("unshare");
        Tools.require("ip");
        Path exe = CTwins.compile("sockets/udp_df.c", dir);
        // Une boucle locale à MTU 1500 dans un espace de noms réseau neuf
        // (il faut root) : la vraie boucle locale a un MTU de 65536.
        ChildJvm.Result r = CTwins.run(List.of("unshare", "-n", "sh", "-c",
                "ip link set lo mtu 1500 up && \"$0\" 1472 1473",
                exe.toString()));
        assumeTrue(r.exitCode() == 0, "espace de noms réseau impossible ici"
                + " (il faut root) : " + r.console());
        Snippets.write("sockets/udp-mtu.txt", "$ ip link set lo mtu 1500\n"
                + "$ ./udp_df 1472 1473\n" + r.stdout());
        assertThat(r.stdout()).isEqualTo("MTU de la route : 1500\n"
                + "1472 octets, sans fragmenter : envoyé\n"
                + "1472 octets, fragmentable : 0 fragments créés\n"
                + "1473 octets, sans fragmenter : EMSGSIZE\n"
                + "1473 octets, fragmentable : 2 fragments créés\n");
    }

    @Test
    @DisplayName("S12 : sur la boucle locale (MTU 65536), 65 507 octets partent sans fragmenter, 65 508 jamais")
    void loopbackCarriesTheLargestDatagramWhole(@TempDir Path dir) {
        Path exe = CTwins.compile("sockets/udp_df.c", dir);
        ChildJvm.Result r = CTwins.runOk(exe, "65507", "65508");
        assertThat(r.stdout()).contains(
                "65507 octets, sans fragmenter : envoyé",
                "65507 octets, fragmentable : 0 fragments créés",
                "65508 octets, sans fragmenter : EMSGSIZE",
                "65508 octets, fragmentable : EMSGSIZE");
    }

    @Test
    @DisplayName("S13 : write(ByteBuffer[]) envoie UN datagramme depuis trois tampons")
    void gatherSendsOneDatagram() throws IOException {
        DatagramChannel[] ab = GatherScatter.pair();
        try (DatagramChannel a = ab[0]; DatagramChannel b = ab[1]) {
            ByteBuffer[] parts = {GatherScatter.utf8("ab"),
                    GatherScatter.utf8("cd"), GatherScatter.utf8("é")};
            assertThat(a.write(parts)).isEqualTo(6);
            ByteBuffer in = ByteBuffer.allocate(64);
            b.read(in);
            assertThat(GatherScatter.text(in)).isEqualTo("abcdé");
        }
    }

    @Test
    @DisplayName("S14 : read(ByteBuffer[]) répartit un datagramme ; trop grand, il est tronqué")
    void scatterAndTruncation() {
        ChildJvm.Result run = Snippets.capture(GatherScatter.class);
        assertThat(run.stdout()).contains(
                "envoyé 15 octets en 3 tampons, reçu 15",
                "en-tête : 11, corps : « bonjour UDP »",
                "tampon de 16 : « un datagramme de »",
                "lecture suivante : « le suivant »");
    }
}
