package fr.progsys.sockets.unix;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

import fr.progsys.Example;

/**
 * sockaddr_un : le nom d'une socket Unix tient dans sun_path, un tableau de
 * taille fixe (108 octets sous Linux, 104 sous BSD et macOS). Le JDK s'arrête
 * à 106 octets : au-delà, on refuse le chemin avant bind, avec un message
 * clair, plutôt que de laisser le JDK échouer.
 */
@Example(name = "sockets.unix.path-limit", slides = {"S06"},
        value = "sockaddr_un : la limite de longueur du chemin")
public final class PathLimit {

    private PathLimit() {
    }

    /** Un chemin de {@code bytes} octets exactement dans {@code dir}. */
    static Path pathOfLength(Path dir, int bytes) {
        String prefix = dir + "/";
        return Path.of(prefix + "s".repeat(bytes - prefix.length()));
    }

    // tag::main[]
    public static void main(String[] args) throws IOException {
        Path dir = SocketDir.createPrivate();
        for (int bytes : new int[] {106, 107, 108}) {
            Path socket = pathOfLength(dir, bytes);
            try (ServerSocketChannel s =
                    ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                s.bind(UnixDomainSocketAddress.of(SocketDir.check(socket)));
                System.out.println(bytes + " octets : lié");
            } catch (IllegalArgumentException e) { // notre vérification
                System.out.println(bytes + " octets : " + e.getMessage());
            } catch (IOException e) { // le refus du JDK lui-même
                System.out.println(bytes + " octets : JDK : " + e.getMessage());
            } finally {
                Files.deleteIfExists(socket);
            }
        }
        Files.delete(dir);
    }
    // end::main[]
}
