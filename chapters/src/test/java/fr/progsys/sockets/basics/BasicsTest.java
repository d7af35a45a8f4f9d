package fr.progsys.sockets.basics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.progsys.CTwins;
import fr.progsys.sockets.support.ServerOptions;
import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.Snippets;
import fr.progsys.testkit.Strace;
import fr.progsys.testkit.Tools;

@DisplayName("S02, S03, S04, S05, S07, S08, S09 : domaines, types, protocoles, bind, adresses, ports (exemples Domains, Boundaries, Protocols, Binding, SockaddrIn, Resolution)")
class BasicsTest {

    static ChildJvm.Result runExample(Class<?> main) {
        ChildJvm.Result run = Snippets.capture(main);
        assertThat(run.exitCode()).as(run.console()).isZero();
        assertThat(run.stderr()).isEmpty();
        return run;
    }

    @Test
    @DisplayName("S02 : six sockets, six nouveaux descripteurs « socket: »")
    void everyDomainAndTypeIsAFileDescriptor() throws IOException {
        ChildJvm.Result run = runExample(Domains.class);
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
    @DisplayName("S02, S03, S04 : strace : six appels socket(domaine, type, 0), le protocole 0 choisi par Java")
    void straceShowsDomainTypeAndProtocolZero(@TempDir Path dir) {
        Tools.require("strace");
        Strace.Trace t = Strace.run(Duration.ofSeconds(60),
                dir.resolve("domains.trace"), "socket", Domains.class);
        List<String> calls = t.calls().stream()
                .map(c -> c.replaceFirst(" += .*", "")).distinct().toList();
        // IPPROTO_IP vaut 0 : strace écrit ainsi le 0 des familles IP.
        List<String> expected = List.of(
                "socket(AF_INET, SOCK_STREAM, IPPROTO_IP)",
                "socket(AF_INET6, SOCK_STREAM, IPPROTO_IP)",
                "socket(AF_UNIX, SOCK_STREAM, 0)",
                "socket(AF_INET, SOCK_DGRAM, IPPROTO_IP)",
                "socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP)",
                "socket(AF_UNIX, SOCK_DGRAM, 0)");
        assertThat(calls).containsAll(expected);
        Snippets.write("sockets/domains-strace.txt",
                "$ strace -f -e trace=socket java … "
                        + "sockets.basics.domains | sort -u\n"
                        + String.join("\n", expected) + "\n");
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
        runExample(Boundaries.class);
    }

    @Test
    @DisplayName("S04 : /etc/protocols donne ip 0, tcp 6, udp 17")
    void etcProtocolsListsIpTcpUdp() throws IOException {
        Map<String, Integer> n = Protocols.read(Path.of("/etc/protocols"));
        assertThat(n).containsEntry("ip", 0).containsEntry("tcp", 6)
                .containsEntry("udp", 17);
        runExample(Protocols.class);
    }

    @Test
    @DisplayName("S05 : lier une seconde socket au même port lève BindException (EADDRINUSE)")
    void bindingAPortInUseFails() throws IOException {
        try (ServerSocket first = new ServerSocket(0, 1,
                InetAddress.getLoopbackAddress());
                ServerSocket second = new ServerSocket()) {
            assertThatThrownBy(() -> second.bind(first.getLocalSocketAddress()))
                    .isInstanceOf(BindException.class)
                    .hasMessageContaining("Address already in use");
        }
        ChildJvm.Result run = runExample(Binding.class);
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
    @DisplayName("S07, S09 : sockaddr_in de 127.0.0.1:5000 : les octets et positions du C (gcc), ordre réseau")
    void sockaddrInLayout(@TempDir Path dir) {
        byte[] sa = SockaddrIn.sockaddrIn(InetAddress.getLoopbackAddress(),
                5000);
        Map<String, String> c = CTwins.keyValues(CTwins.runOk(
                CTwins.compile("sockets/sockaddr_layout.c", dir)).stdout());
        // Les 16 octets que remplit le C (htons, htonl) sont ceux de Java.
        assertThat(HexFormat.of().formatHex(sa))
                .isEqualTo(c.get("octets(127.0.0.1:5000)"));
        assertThat(c).containsEntry("sizeof(struct sockaddr_in)", "16")
                .containsEntry("offsetof(sin_family)", "0") // pas de sin_len
                .containsEntry("sizeof(sin_family)", "2")
                .containsEntry("offsetof(sin_port)", "2")
                .containsEntry("offsetof(sin_addr)", "4")
                .containsEntry("offsetof(sin_zero)", "8")
                .containsEntry("AF_INET", Short.toString(SockaddrIn.AF_INET));
        ChildJvm.Result run = runExample(SockaddrIn.class);
        assertThat(run.stdout()).contains("htons(5000) : 13 88",
                "htonl(0x7f000001) : 7f 00 00 01");
        if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) { // x86
            // 5000 rangé sans htons, lu dans l'ordre du réseau : 34835.
            short stored = ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN)
                    .putShort((short) 5000).flip().order(ByteOrder.BIG_ENDIAN)
                    .getShort();
            assertThat(stored & 0xFFFF).isEqualTo(34_835).isEqualTo(0x8813);
            assertThat(run.stdout()).contains(
                    "en mémoire (LITTLE_ENDIAN) : 01 00 00 7f");
        }
    }

    @Test
    @DisplayName("S02 : AF_ISO, AF_NS, AF_IMPLINK n'existent pas sous Linux ; socket() répond EAFNOSUPPORT aux familles inconnues")
    void socketFamiliesOfThisLinux(@TempDir Path dir) {
        ChildJvm.Result run = CTwins.runOk(CTwins.compile("sockets/families.c", dir));
        Snippets.write("sockets/families.txt", "$ ./families\n" + run.stdout());
        String out = run.stdout();
        assertThat(out).contains("AF_ISO : absent des en-têtes",
                "AF_NS : absent des en-têtes",
                "AF_IMPLINK : absent des en-têtes",
                "famille 1 (AF_UNIX) : acceptée",
                "famille 2 (AF_INET) : acceptée",
                "famille 10 (AF_INET6) : acceptée");
        int max = Integer.parseInt(out.replaceAll("(?s).*AF_MAX = (\\d+).*",
                "$1"));
        List<String> refused = List.of(out.substring(
                out.indexOf("EAFNOSUPPORT :") + 14).trim().split("\\s+"));
        assertThat(refused).contains(Integer.toString(max)); // hors de la table
        // Les numéros de 4.4BSD pour ces familles désignent ici autre chose.
        Map<String, String> c = CTwins.keyValues(CTwins.runOk(
                CTwins.compile("sockets/sockaddr_layout.c", dir)).stdout());
        assertThat(c).containsEntry("AF_AX25", "3").containsEntry("AF_NETROM",
                "6").containsEntry("AF_BRIDGE", "7");
    }

    @Test
    @DisplayName("S05, S09 : sous ip_unprivileged_port_start, bind demande CAP_NET_BIND_SERVICE (EACCES sans) ; le réglage déplace la limite")
    void privilegedPortsNeedCapNetBindService(@TempDir Path dir)
            throws IOException {
        // Pas Files.readString : sur un fichier de taille 0, il lit d'abord
        // un seul octet, et un réglage entier de /proc/sys ne se lit qu'en
        // un read (le suivant rend la fin de fichier) : on n'aurait que « 1 ».
        System.out.println("ici, ip_unprivileged_port_start = " + Files
                .readAllLines(Path.of(UNPRIVILEGED)).get(0).strip());
        Tools.require("unshare");
        Tools.require("setpriv");
        Tools.require("ip");
        Path exe = CTwins.compile("sockets/bind_port.c", dir);
        // Un espace de noms réseau neuf (il faut root) : ses réglages sont
        // ceux du noyau par défaut, et rien d'autre ne les change pendant le
        // test. Sans capacité : setpriv la retire de l'ensemble de bornes.
        String noCap = "setpriv --bounding-set=-net_bind_service ";
        String script = String.join("\n", "cd \"$0\" || exit 3",
                "ip link set lo up || exit 3",
                show("cat " + UNPRIVILEGED),
                show(noCap + "./bind_port 1023"),
                show(noCap + "./bind_port 1024"),
                show("./bind_port 1023"),
                show("echo 2000 > " + UNPRIVILEGED),
                show(noCap + "./bind_port 1999"),
                show(noCap + "./bind_port 2000"));
        ChildJvm.Result r = ChildJvm.run(Duration.ofSeconds(30), List.of(
                "unshare", "-n", "sh", "-c", script, dir.toString()));
        assumeTrue(r.exitCode() == 0, "espace de noms réseau ou setpriv"
                + " impossible ici (il faut root) : " + r.console());
        Snippets.write("sockets/ports.txt", r.stdout());
        assertThat(r.stdout()).isEqualTo(String.join("\n",
                "$ cat " + UNPRIVILEGED, "1024", // valeur par défaut du noyau
                "$ " + noCap + "./bind_port 1023", "port 1023 : EACCES",
                "$ " + noCap + "./bind_port 1024", "port 1024 : ok",
                "$ ./bind_port 1023", "port 1023 : ok", // root a la capacité
                "$ echo 2000 > " + UNPRIVILEGED,
                "$ " + noCap + "./bind_port 1999", "port 1999 : EACCES",
                "$ " + noCap + "./bind_port 2000", "port 2000 : ok", ""));
    }

    static final String UNPRIVILEGED =
            "/proc/sys/net/ipv4/ip_unprivileged_port_start";

    /** Une ligne de script qui affiche « $ commande » puis l'exécute. */
    static String show(String command) {
        return "echo '$ " + command + "' && " + command + " || exit 3";
    }

    @Test
    @DisplayName("S08 : « localhost » se résout en adresses de boucle locale seulement")
    void localhostResolvesToLoopback() throws IOException {
        assertThat(InetAddress.getAllByName("localhost"))
                .isNotEmpty().allMatch(InetAddress::isLoopbackAddress);
        ChildJvm.Result run = runExample(Resolution.class);
        assertThat(run.stdout()).contains("gethostname : ",
                "INADDR_ANY : true");
    }
}
