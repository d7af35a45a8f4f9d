package fr.progsys.sockets.basics;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import fr.progsys.Example;
import fr.progsys.sockets.support.ServerOptions;

/**
 * bind nomme une socket. Avec le port 0, le système en choisit un libre ;
 * getsockname (getLocalSocketAddress) dit lequel. Lier une seconde socket au
 * même port échoue : EADDRINUSE, une BindException en Java.
 */
@Example(name = "sockets.basics.bind", slides = {"S05", "S08", "S09"},
        value = "bind : port 0, getsockname, EADDRINUSE, INADDR_ANY")
public final class Binding {

    private Binding() {
    }

    // tag::main[]
    public static void main(String[] args) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket first = new ServerSocket()) {
            first.bind(new InetSocketAddress(loopback, 0)); // port 0
            InetSocketAddress name = // getsockname()
                    (InetSocketAddress) first.getLocalSocketAddress();
            System.out.println("port choisi par le système : "
                    + (name.getPort() > 0 ? "oui" : "non"));
            try (ServerSocket second = new ServerSocket()) {
                second.bind(name); // même adresse, même port
            } catch (BindException e) { // EADDRINUSE
                System.out.println("second bind : " + e.getMessage());
            }
        }
        // Ce que bind recevrait : boucle locale par défaut, ou INADDR_ANY.
        System.out.println("par défaut : " + ServerOptions.DEFAULTS
                .bindAddress().getAddress().getHostAddress());
        System.out.println("--all-interfaces : " + ServerOptions
                .parse("--all-interfaces").bindAddress().getAddress()
                .getHostAddress());
    }
    // end::main[]
}
