package fr.progsys.sockets.basics;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import fr.progsys.Example;

/**
 * Des noms aux adresses. gethostname donne le nom de la machine ;
 * InetAddress.getAllByName appelle getaddrinfo, qui remplace gethostbyname
 * (obsolète : IPv4 seulement, non réentrante) et rend toutes les adresses,
 * IPv4 et IPv6. On ne résout ici que « localhost » : pas de réseau.
 */
@Example(name = "sockets.basics.resolve", slides = {"S08"},
        value = "gethostname, getaddrinfo (InetAddress), boucle locale")
public final class Resolution {

    private Resolution() {
    }

    // tag::main[]
    public static void main(String[] args) throws IOException {
        // Sous Linux, gethostname lit ce que montre ce fichier.
        String host = Files.readAllLines(Path.of("/proc/sys/kernel/hostname"))
                .get(0);
        System.out.println("gethostname : " + host);
        for (InetAddress a : InetAddress.getAllByName("localhost")) {
            System.out.println("localhost : " + a.getHostAddress()
                    + (a.isLoopbackAddress() ? " (boucle locale)" : ""));
        }
        InetAddress any = InetAddress.getByName("0.0.0.0"); // sans DNS
        System.out.println("0.0.0.0 = INADDR_ANY : " + any.isAnyLocalAddress());
    }
    // end::main[]
}
