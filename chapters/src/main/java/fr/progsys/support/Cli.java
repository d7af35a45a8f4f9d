package fr.progsys.support;

import fr.progsys.Example;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * L'analyse commune des arguments des exemples : la seule façon dont un
 * exemple répond à {@code --help} et refuse une option inconnue, comme un
 * outil Unix. {@code --help} imprime la ligne d'usage et vaut 0 ; une option
 * inconnue (ou une entrée que l'exemple refuse d'un
 * {@link IllegalArgumentException}) imprime le message et l'usage sur la
 * sortie d'erreur et vaut 2, sans trace.
 *
 * <p>Les options admises sont celles qu'écrit {@link Example#usage()}
 * (les mots qui commencent par {@code --}).
 */
public final class Cli {

    /** Code de sortie de l'usage demandé. */
    public static final int OK = 0;
    /** Code de sortie d'une mauvaise ligne de commande (convention Unix). */
    public static final int USAGE = 2;

    private Cli() {
    }

    /** La ligne d'usage de cet exemple. */
    public static String usage(Class<?> example) {
        Example e = example.getAnnotation(Example.class);
        String synopsis = e.usage().isEmpty() ? "" : " " + e.usage();
        return "usage : " + e.name() + synopsis + "  (" + e.value() + ")";
    }

    /** Les options que l'usage de cet exemple annonce. */
    static Set<String> options(Class<?> example) {
        return Arrays.stream(example.getAnnotation(Example.class).usage()
                        .split("[\\s\\[\\]|]+"))
                .filter(w -> w.startsWith("--"))
                .collect(Collectors.toSet());
    }

    /**
     * Vérifie la ligne de commande avant de lancer l'exemple : un code de
     * sortie s'il ne faut pas le lancer ({@code --help} ou option inconnue),
     * -1 sinon.
     */
    public static int check(Class<?> example, String[] args, PrintStream out,
            PrintStream err) {
        Set<String> known = options(example);
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                out.println(usage(example));
                return OK;
            }
            if (a.startsWith("--") && !known.contains(a)) {
                return refuse(example, "option inconnue : " + a, err);
            }
        }
        return -1;
    }

    /** Imprime le message et l'usage sur {@code err} ; vaut {@link #USAGE}. */
    public static int refuse(Class<?> example, String message, PrintStream err) {
        err.println(message);
        err.println(usage(example));
        return USAGE;
    }
}
