package fr.progsys.sockets;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Les outils système (nc, socat) que certains tests utilisent. */
public final class Tools {

    private Tools() {
    }

    /** Vrai si {@code name} est un exécutable du PATH. */
    public static boolean installed(String name) {
        for (String dir : System.getenv("PATH").split(":")) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }

    /** Saute le test, avec une raison en français, si l'outil manque. */
    public static void require(String name) {
        assumeTrue(installed(name), name + " n'est pas installé"
                + " (voir tools/install-system-tools.sh) : test sauté");
    }

    /** La ligne de commande {@code nc} vers un port de la boucle locale. */
    public static List<String> nc(int port, String... options) {
        List<String> cmd = new ArrayList<>(List.of("nc"));
        cmd.addAll(List.of(options));
        cmd.add("127.0.0.1");
        cmd.add(Integer.toString(port));
        return cmd;
    }
}
