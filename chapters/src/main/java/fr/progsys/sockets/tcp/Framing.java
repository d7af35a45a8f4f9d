package fr.progsys.sockets.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import fr.progsys.Example;
import fr.progsys.sockets.support.LineDecoder;

/**
 * read rend ce qui est arrivé, pas « un message » : TCP transporte un flot
 * d'octets sans frontières. Ici l'émetteur coupe deux requêtes à des endroits
 * malcommodes (au milieu d'un mot, au milieu du « à » qui fait deux octets en
 * UTF-8) ; chaque read rend un morceau, et seul le découpage en lignes
 * redonne les requêtes.
 */
@Example(name = "sockets.tcp.framing", slides = {"S21"},
        value = "read rend des morceaux : il faut un découpage (lignes)")
public final class Framing {

    private Framing() {
    }

    /** Les octets de deux requêtes, coupés en trois morceaux malcommodes. */
    static List<byte[]> awkwardPieces() {
        byte[] all = "ECHO déjà vu\nMAJ ça\n".getBytes(StandardCharsets.UTF_8);
        int[] cuts = {0, 4, 10, all.length}; // 10 : au milieu du « à »
        List<byte[]> pieces = new ArrayList<>();
        for (int i = 0; i + 1 < cuts.length; i++) {
            byte[] p = new byte[cuts[i + 1] - cuts[i]];
            System.arraycopy(all, cuts[i], p, 0, p.length);
            pieces.add(p);
        }
        return pieces;
    }

    // tag::main[]
    public static void main(String[] args) throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1,
                InetAddress.getLoopbackAddress());
                Socket writer = new Socket(server.getInetAddress(),
                        server.getLocalPort());
                Socket reader = server.accept()) {
            reader.setSoTimeout(5_000);
            OutputStream out = writer.getOutputStream();
            InputStream in = reader.getInputStream();
            LineDecoder lines = new LineDecoder(1024);
            byte[] buffer = new byte[1024];
            for (byte[] piece : awkwardPieces()) {
                out.write(piece); // un write par morceau
                int n = in.read(buffer); // rend ce qui est là : ce morceau
                System.out.printf("read a rendu %d octets%n", n);
                for (LineDecoder.Line line : lines.feed(buffer, n)) {
                    System.out.println("  ligne complète : " + line.text());
                }
            }
        }
    }
    // end::main[]
}
