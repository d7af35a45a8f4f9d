package fr.progsys.sockets.support;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Les options communes des serveurs du chapitre.
 *
 * <pre>
 * --port N             port d'écoute (0 : le système choisit ; défaut 0)
 * --all-interfaces     écouter sur toutes les interfaces (INADDR_ANY)
 * --idle S             fermer un client muet depuis S secondes (défaut 30)
 * --threads N          taille du pool (serveur à pool ; défaut 8)
 * </pre>
 *
 * Par défaut un serveur n'écoute que sur la boucle locale (127.0.0.1) :
 * personne d'autre sur le réseau ne peut le joindre. Écouter partout est un
 * choix explicite.
 */
public record ServerOptions(int port, boolean allInterfaces, Duration idle,
        int threads) {

    public static final ServerOptions DEFAULTS =
            new ServerOptions(0, false, Duration.ofSeconds(30), 8);

    /** Lit les options de la ligne de commande. */
    public static ServerOptions parse(String... args) {
        ServerOptions o = DEFAULTS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port":
                    o = o.withPort(Integer.parseInt(value(args, ++i)));
                    break;
                case "--all-interfaces":
                    o = new ServerOptions(o.port, true, o.idle, o.threads);
                    break;
                case "--idle":
                    o = o.withIdle(Duration.ofSeconds(
                            Long.parseLong(value(args, ++i))));
                    break;
                case "--threads":
                    o = new ServerOptions(o.port, o.allInterfaces, o.idle,
                            Integer.parseInt(value(args, ++i)));
                    break;
                default:
                    throw new IllegalArgumentException(
                            "option inconnue : " + args[i]);
            }
        }
        if (o.port < 0 || o.port > 65_535) {
            throw new IllegalArgumentException("port hors de 0..65535");
        }
        return o;
    }

    public ServerOptions withPort(int newPort) {
        return new ServerOptions(newPort, allInterfaces, idle, threads);
    }

    public ServerOptions withIdle(Duration newIdle) {
        return new ServerOptions(port, allInterfaces, newIdle, threads);
    }

    public ServerOptions withThreads(int n) {
        return new ServerOptions(port, allInterfaces, idle, n);
    }

    // tag::bind-address[]
    /** L'adresse à passer à bind(). */
    public InetSocketAddress bindAddress() {
        return allInterfaces
                ? new InetSocketAddress(port) // 0.0.0.0 : INADDR_ANY
                : new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }
    // end::bind-address[]

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(
                    "valeur manquante après " + args[i - 1]);
        }
        return args[i];
    }
}
