package fr.progsys;

import fr.progsys.support.Cli;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Lance un exemple du cours par son nom court.
 *
 * <pre>
 * ./mvnw -q -pl chapters -am compile exec:exec -Dexample=threads.creation
 * ./mvnw -q -pl chapters -am compile exec:exec            (liste des exemples)
 * </pre>
 *
 * Les arguments de l'exemple passent par {@code -Dargs="…"}.
 */
public final class Launcher {

    /** Code de sortie pour un nom inconnu (accepté par Maven, qui ne dit rien de plus). */
    static final int UNKNOWN = 2;

    private Launcher() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            printCatalogue("Exemples disponibles :");
            return;
        }
        Optional<Class<?>> example = find(args[0]);
        if (example.isEmpty()) {
            System.out.println("Exemple inconnu : « " + args[0] + " ».");
            printCatalogue("Exemples disponibles :");
            System.exit(UNKNOWN);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        int code = run(example.get(), rest, System.out, System.err);
        if (code >= 0) {
            System.exit(code);
        }
    }

    /**
     * Lance l'exemple après avoir vérifié sa ligne de commande
     * ({@link Cli}) : un code de sortie si l'exemple n'a pas tourné
     * jusqu'au bout ({@code --help}, mauvaise entrée), -1 sinon.
     */
    public static int run(Class<?> example, String[] args, PrintStream out,
            PrintStream err) throws Throwable {
        int code = Cli.check(example, args, out, err);
        if (code >= 0) {
            return code;
        }
        Method main = example.getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException bad) {
                return Cli.refuse(example, bad.getMessage(), err);
            }
            throw e.getCause();
        }
        return -1;
    }

    /**
     * Toutes les classes annotées {@link Example}, triées par nom court : les
     * classes de premier niveau de {@code fr.progsys} compilées avec ce
     * lanceur (son dossier de classes ou son jar), chargées sans être
     * initialisées. C'est la seule façon de trouver les exemples : le
     * lanceur, ses tests et la vérification du livre (module docs, BookTest,
     * qui a chapters dans son class path) passent par ici.
     */
    public static List<Class<?>> examples() {
        List<Class<?>> found = new ArrayList<>();
        for (String name : classNames(Launcher.class)) {
            try {
                Class<?> c = Class.forName(name, false,
                        Launcher.class.getClassLoader());
                if (c.isAnnotationPresent(Example.class)) {
                    found.add(c);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // une classe qui ne se charge pas n'est pas un exemple
            }
        }
        found.sort(Comparator.comparing(c -> c.getAnnotation(Example.class).name()));
        return found;
    }

    /** L'exemple qui porte ce nom court, s'il existe. */
    public static Optional<Class<?>> find(String name) {
        return examples().stream()
                .filter(c -> c.getAnnotation(Example.class).name().equals(name))
                .findFirst();
    }

    private static void printCatalogue(String title) {
        List<Class<?>> all = examples();
        int width = all.stream()
                .mapToInt(c -> c.getAnnotation(Example.class).name().length())
                .max().orElse(0);
        System.out.println(title);
        for (Class<?> c : all) {
            Example e = c.getAnnotation(Example.class);
            System.out.printf("  %-" + width + "s  %s%n", e.name(), e.value());
        }
        System.out.println();
        System.out.println("Lancer un exemple : ./mvnw -q -pl chapters -am compile"
                + " exec:exec -Dexample=<nom> [-Dargs=\"…\"]");
    }

    /**
     * Les noms des classes de premier niveau de {@code fr.progsys} rangées au
     * même endroit que {@code anchor} (dossier de classes ou jar).
     */
    static List<String> classNames(Class<?> anchor) {
        try {
            Path where = Path.of(anchor.getProtectionDomain()
                    .getCodeSource().getLocation().toURI());
            if (Files.isDirectory(where)) {
                try (Stream<Path> files = Files.walk(where)) {
                    return files.map(where::relativize)
                            .map(Path::toString)
                            .filter(Launcher::isTopLevelClass)
                            .map(Launcher::toClassName)
                            .toList();
                }
            }
            try (JarFile jar = new JarFile(where.toFile())) {
                return jar.stream().map(e -> e.getName())
                        .filter(Launcher::isTopLevelClass)
                        .map(Launcher::toClassName)
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isTopLevelClass(String file) {
        return file.endsWith(".class") && !file.contains("$")
                && file.replace('\\', '/').startsWith("fr/progsys/");
    }

    private static String toClassName(String file) {
        return file.substring(0, file.length() - ".class".length())
                .replace('\\', '/').replace('/', '.');
    }
}
