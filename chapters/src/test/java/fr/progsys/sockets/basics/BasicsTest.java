package fr.progsys.sockets.basics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.Channel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import fr.progsys.sockets.ServerOptions;
import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.Snippets;

@DisplayName("S02–S09 : domaines, types, protocoles, bind, adresses, ports")
class BasicsTest {

    static ChildJvm.Result runExample(Class<?> main, String snippet,
            String name) {
        ChildJvm.Result run = ChildJvm.run(Duration.ofSeconds(30), main);
        Snippets.console("sockets/" + snippet, name, run.console());
        assertThat(run.exitCode()).as(run.console()).isZero();
        assertThat(run.stderr()).isEmpty();
        return run;
    }

    @Test
    @DisplayName("S02 : six sockets, six nouveaux descripteurs « socket: »")
    void everyDomainAndTypeIsAFileDescriptor() throws IOException {
        ChildJvm.Result run = runExample(Domains.class, "domains.txt",
                "sockets.basics.domains");
        assertThat(run.stdout()).contains("« socket: » : 6");
        List<Channel> all = Domains.openAll();
        try {
            assertThat(all).hasSize(6).allMatch(Channel::isOpen);
        } finally {
            for (Channel c : all) {
                c.close();
            }
        }
    }

    @Test
    @DisplayName("S03 : UDP rend trois datagrammes pour trois envois")
    void udpKeepsMessageBoundaries() throws IOException {
        assertThat(Boundaries.udp()).containsExactly("un", "deux", "trois");
    }

    @Test
    @DisplayName("S03 : TCP rend trois write collés en un seul read")
    void tcpDoesNotKeepMessageBoundaries() throws IOException {
        assertThat(Boundaries.tcp()).isEqualTo("undeuxtrois");
        runExample(Boundaries.class, "boundaries.txt",
                "sockets.basics.boundaries");
    }

    @Test
    @DisplayName("S04 : /etc/protocols donne ip 0, tcp 6, udp 17")
    void etcProtocolsListsIpTcpUdp() throws IOException {
        Map<String, Integer> n = Protocols.read(Path.of("/etc/protocols"));
        assertThat(n).containsEntry("ip", 0).containsEntry("tcp", 6)
                .containsEntry("udp", 17);
        runExample(Protocols.class, "protocols.txt", "sockets.basics.protocols");
    }

    @Test
    @DisplayName("S05 : lier un second socket au même port lève BindException (EADDRINUSE)")
    void bindingAPortInUseFails() throws IOException {
        try (ServerSocket first = new ServerSocket(0, 1,
                InetAddress.getLoopbackAddress());
                ServerSocket second = new ServerSocket()) {
            assertThatThrownBy(() -> second.bind(first.getLocalSocketAddress()))
                    .isInstanceOf(BindException.class)
                    .hasMessageContaining("Address already in use");
        }
        ChildJvm.Result run = runExample(Binding.class, "bind.txt",
                "sockets.basics.bind");
        assertThat(run.stdout()).contains("Address already in use",
                "par défaut : 127.0.0.1", "--all-interfaces : 0.0.0.0");
    }

    @Test
    @DisplayName("S09 : port 0 : getsockname rend un port de la plage éphémère de Linux")
    void portZeroIsChosenBySystem() throws IOException {
        String[] range = Files.readAllLines(
                Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0)
                .trim().split("\\s+");
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            assertThat(s.getLocalPort()).isBetween(
                    Integer.parseInt(range[0]), Integer.parseInt(range[1]));
        }
    }

    @Test
    @DisplayName("S08 : par défaut on lie la boucle locale ; INADDR_ANY seulement sur option")
    void loopbackByDefaultAnyOnlyOnRequest() {
        assertThat(ServerOptions.DEFAULTS.bindAddress().getAddress()
                .isLoopbackAddress()).isTrue();
        assertThat(ServerOptions.parse("--all-interfaces", "--port", "5000")
                .bindAddress()).satisfies(a -> {
                    assertThat(a.getAddress().isAnyLocalAddress()).isTrue();
                    assertThat(a.getPort()).isEqualTo(5000);
                });
        assertThatThrownBy(() -> ServerOptions.parse("--port", "70000"))
                .hasMessageContaining("port");
    }

    @Test
    @DisplayName("S07/S09 : sockaddr_in de 127.0.0.1:5000, port et adresse dans l'ordre réseau")
    void sockaddrInLayout() {
        byte[] sa = SockaddrIn.sockaddrIn(InetAddress.getLoopbackAddress(),
                5000);
        assertThat(HexFormat.of().formatHex(sa))
                .isEqualTo("0200" + "1388" + "7f000001" + "0000000000000000");
        ChildJvm.Result run = runExample(SockaddrIn.class, "sockaddr.txt",
                "sockets.basics.sockaddr");
        assertThat(run.stdout()).contains("htons(5000) : 13 88",
                "htonl(0x7f000001) : 7f 00 00 01");
    }

    @Test
    @DisplayName("S08 : « localhost » se résout en adresses de boucle locale seulement")
    void localhostResolvesToLoopback() throws IOException {
        assertThat(InetAddress.getAllByName("localhost"))
                .isNotEmpty().allMatch(InetAddress::isLoopbackAddress);
        ChildJvm.Result run = runExample(Resolution.class, "resolve.txt",
                "sockets.basics.resolve");
        assertThat(run.stdout()).contains("gethostname : ",
                "INADDR_ANY : true");
    }
}
