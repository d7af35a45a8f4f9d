package fr.progsys.sockets.unix;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

import fr.progsys.Example;
import fr.progsys.sockets.support.ServerConsole;
import fr.progsys.sockets.support.ServerOptions;
import fr.progsys.sockets.tcp.SelectorServer;
import fr.progsys.sockets.tcp.TcpServer;

/**
 * Le même service dans le domaine Unix, en mode flux (SOCK_STREAM) : le
 * serveur se nomme par un fichier de socket au lieu d'un port. Le JDK le
 * fait seul depuis Java 16 ({@link UnixDomainSocketAddress}).
 */
@Example(name = "sockets.unix.stream", slides = {"U01", "S02", "S06"},
        value = "Domaine Unix, flux : fichier de socket dans un dossier 0700",
        usage = "[--port N] [--all-interfaces] [--idle S] [--threads N]")
public final class UnixStreamServer {

    private UnixStreamServer() {
    }

    // tag::open[]
    /** Ouvre le service sur {@code socket} ; la fermeture efface le fichier. */
    public static TcpServer open(Path socket, Duration idle,
            Consumer<String> log) throws IOException {
        ServerSocketChannel listener =
                ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try { // bind crée le fichier (EADDRINUSE s'il existe déjà)
            listener.bind(UnixDomainSocketAddress.of(SocketDir.check(socket)));
        } catch (IOException | RuntimeException e) {
            listener.close(); // le fichier, s'il existe, n'est pas à nous
            throw e;
        }
        return SelectorServer.start(listener, idle, log,
                () -> SocketDir.remove(socket));
    }
    // end::open[]

    // tag::main[]
    public static void main(String[] args) throws Exception {
        Path socket = SocketDir.createPrivate().resolve("service.sock");
        ServerOptions options = ServerOptions.parse(args);
        try (TcpServer server = open(socket, options.idle(),
                System.out::println)) {
            ServerConsole.serveUntilStopped(server,
                    "serveur Unix (flux) sur " + socket);
        }
    }
    // end::main[]
}
