package fr.progsys.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Écrit les sorties réellement produites pendant le build là où le livre les
 * inclut ({@code chapters/target/snippets/…}). Rien n'est recopié à la main :
 * si l'exemple change, la sortie du livre change avec lui.
 *
 * <p>La session d'un exemple du cours s'enregistre d'une seule façon :
 * {@link #capture(Class, String...)} (ou {@link #of(Class)} quand le test
 * mène lui-même la session). Le fichier se déduit du nom court de
 * l'annotation {@code @Example} : {@code ipc.mq.producer} s'écrit dans
 * {@code ipc/mq-producer.txt} (le chapitre devient le dossier, les autres
 * points des tirets), et une variante {@code privé} dans
 * {@code ipc/mq-producer-privé.txt}. {@link #write(String, String)} reste pour
 * ce qui n'est pas la session d'un exemple : un jumeau C, une trace strace,
 * une session nc.
 */
public final class Snippets {

    /** Le plus long qu'attend {@link Snippet#capture} avant de tuer l'exemple. */
    public static final Duration RUN = Duration.ofSeconds(40);

    /**
     * L'annotation des exemples, lue par son nom : le module testkit ne
     * dépend pas de chapters (c'est chapters qui dépend de lui, en test).
     */
    static final String EXAMPLE = "fr.progsys.Example";

    private Snippets() {
    }

    /** Le dossier des extraits (propriété {@code progsys.snippets} posée par Maven). */
    public static Path dir() {
        return Path.of(System.getProperty("progsys.snippets", "target/snippets"));
    }

    /**
     * Lance l'exemple {@code example} (classe annotée {@code @Example}) dans
     * une JVM enfant avec {@code args}, au plus {@link #RUN}, écrit la session
     * (la commande du README puis ce qu'il a affiché, sortie standard puis
     * sortie d'erreur) dans son fichier et la rend. Ne vérifie rien : les
     * assertions sont celles du test.
     */
    public static ChildJvm.Result capture(Class<?> example, String... args) {
        return of(example).capture(args);
    }

    /** Le fichier de session de l'exemple {@code example}, à préciser ou à écrire. */
    public static Snippet of(Class<?> example) {
        return new Snippet(example, exampleName(example), "", false);
    }

    /** Écrit {@code text} dans {@code <dir>/<name>} (créé au besoin) et le rend. */
    public static String write(String name, String text) {
        return write(dir(), name, text);
    }

    /** Le JDK qui fait tourner les tests, par exemple « 25.0.1 (Eclipse Adoptium) ». */
    public static String jdk() {
        return System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vendor") + ")";
    }

    /** Le nom court ({@code name}) de l'annotation {@code @Example} de la classe. */
    static String exampleName(Class<?> example) {
        for (Annotation a : example.getAnnotations()) {
            if (a.annotationType().getName().equals(EXAMPLE)) {
                try {
                    return (String) a.annotationType().getMethod("name").invoke(a);
                } catch (NoSuchMethodException | IllegalAccessException
                        | InvocationTargetException e) {
                    throw new IllegalStateException("@Example sans name() lisible", e);
                }
            }
        }
        throw new IllegalArgumentException(example.getName()
                + " n'est pas un exemple du cours (pas d'annotation @Example)");
    }

    private static String write(Path dir, String name, String text) {
        Path file = dir.resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text;
    }

    /**
     * La session d'un exemple, vue comme dans un terminal. Immuable :
     * {@link #variant} et {@link #jdk21} rendent une autre session.
     */
    public static final class Snippet {
        private final Class<?> main;
        private final String example;
        private final String variant;
        private final boolean jdk21;

        private Snippet(Class<?> main, String example, String variant, boolean jdk21) {
            this.main = main;
            this.example = example;
            this.variant = variant;
            this.jdk21 = jdk21;
        }

        /** Une autre session du même exemple : {@code <fichier>-<variante>.txt}. */
        public Snippet variant(String name) {
            return new Snippet(main, example, variant + "-" + name, jdk21);
        }

        /**
         * Pour un exemple qui demande un JDK 21 ou plus : la session commence
         * par une ligne qui nomme le JDK qui l'a produite, et elle est aussi
         * enregistrée dans le dépôt ({@code docs/src/docs/asciidoc/sorties-jdk21/},
         * propriété {@code progsys.sorties.jdk21}), d'où le livre l'inclut
         * même quand il est fabriqué sur un JDK 17.
         */
        public Snippet jdk21() {
            return new Snippet(main, example, variant, true);
        }

        /** Le fichier, relatif au dossier des extraits : {@code ipc/mq-producer.txt}. */
        public String file() {
            int dot = example.indexOf('.');
            return example.substring(0, dot) + "/"
                    + example.substring(dot + 1).replace('.', '-') + variant + ".txt";
        }

        /** Comme {@link Snippets#capture(Class, String...)}, pour cette session. */
        public ChildJvm.Result capture(String... args) {
            ChildJvm.Result run = ChildJvm.run(RUN, main, args);
            record(run.console(), args);
            return run;
        }

        /**
         * Écrit une session que le test a menée lui-même (entrée standard,
         * signaux, plusieurs processus) : la commande du README avec
         * {@code args}, puis {@code output}. Rend le texte écrit.
         */
        public String record(String output, String... args) {
            String shown = jdk21 ? "# sortie capturée sur le JDK " + jdk() + "\n" + output
                    : output;
            String text = command(args) + shown;
            if (jdk21) {
                String kept = System.getProperty("progsys.sorties.jdk21");
                if (kept != null && !kept.isEmpty()) {
                    Snippets.write(Path.of(kept), file(), text);
                }
            }
            return Snippets.write(file(), text);
        }

        /** Écrit {@code text} tel quel dans ce fichier (par exemple deux terminaux côte à côte). */
        public String write(String text) {
            return Snippets.write(file(), text);
        }

        private String command(String... args) {
            List<String> shown = new ArrayList<>();
            for (String a : args) {
                shown.add(a.isEmpty() || a.matches(".*\\s.*") ? "'" + a + "'" : a);
            }
            String line = String.join(" ", shown);
            return "$ ./mvnw -q -pl chapters -am compile exec:exec \\\n"
                    + "      -Dexample=" + example
                    + (line.isEmpty() ? "" : " -Dargs=\"" + line + "\"") + "\n";
        }
    }
}
