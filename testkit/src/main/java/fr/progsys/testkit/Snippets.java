package fr.progsys.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Écrit les sorties réellement produites pendant le build là où le livre les
 * inclut ({@code chapters/target/snippets/…}). Rien n'est recopié à la main :
 * si l'exemple change, la sortie du livre change avec lui.
 */
public final class Snippets {

    private Snippets() {
    }

    /** Le dossier des extraits (propriété {@code progsys.snippets} posée par Maven). */
    public static Path dir() {
        return Path.of(System.getProperty("progsys.snippets", "target/snippets"));
    }

    /** Écrit {@code text} dans {@code <dir>/<name>} (créé au besoin) et le rend. */
    public static String write(String name, String text) {
        Path file = dir().resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text;
    }

    /**
     * Écrit une session de terminal : la commande Maven qui lance l'exemple,
     * puis ce qu'il a affiché.
     */
    public static String console(String name, String example, String output) {
        return console(name, example, "", output);
    }

    /** Idem, avec les arguments passés à l'exemple par {@code -Dargs}. */
    public static String console(String name, String example, String args,
            String output) {
        String command = "$ ./mvnw -q -pl chapters -am compile exec:exec \\\n"
                + "      -Dexample=" + example
                + (args.isEmpty() ? "" : " -Dargs=\"" + args + "\"") + "\n";
        return write(name, command + output);
    }

    /**
     * Pour un exemple qui demande un JDK 21 ou plus : comme
     * {@link #console(String, String, String)}, et la même session est aussi
     * enregistrée dans le dépôt ({@code docs/src/docs/asciidoc/sorties-jdk21/},
     * propriété {@code progsys.sorties.jdk21}), d'où le livre l'inclut même
     * quand il est fabriqué sur un JDK 17. La première ligne nomme le JDK qui
     * l'a produite.
     */
    public static String consoleJdk21(String name, String example, String output) {
        String text = console(name, example, "",
                "# sortie capturée sur le JDK " + jdk() + "\n" + output);
        String kept = System.getProperty("progsys.sorties.jdk21");
        if (kept != null && !kept.isEmpty()) {
            Path file = Path.of(kept).resolve(name);
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return text;
    }

    /** Le JDK qui fait tourner les tests, par exemple « 25.0.1 (Eclipse Adoptium) ». */
    public static String jdk() {
        return System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vendor") + ")";
    }
}
