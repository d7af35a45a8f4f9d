package fr.progsys.posix;

/**
 * La liaison native qui exécute les appels POSIX de ce module.
 *
 * <p>Deux liaisons donnent les mêmes classes, les mêmes exceptions et passent
 * les mêmes tests : <b>jnr</b> (jnr-ffi et jnr-posix, par JNI) et <b>ffm</b>
 * (l'API {@code java.lang.foreign} du JDK, finale depuis le JDK 22). Par
 * défaut, ffm dès que la JVM est un JDK 22 ou plus, jnr avant. Pour comparer,
 * on impose l'une ou l'autre par {@code -Dprogsys.posix.binding=jnr} (ou
 * {@code ffm}), ou par la variable d'environnement
 * {@code PROGSYS_POSIX_BINDING} dont héritent les processus enfants. Le choix
 * est fait une fois, au premier appel natif, pour toute la JVM.
 *
 * <p>Sur le chemin ffm, aucune classe de jnr-ffi ni de jnr-posix n'est
 * chargée : à partir du JDK 24 la JVM n'affiche donc pas l'avertissement sur
 * {@code sun.misc.Unsafe} que jnr-ffi provoque.
 */
public final class Posix {

    /** La propriété système qui impose la liaison : {@code jnr}, {@code ffm} ou {@code auto}. */
    public static final String BINDING_PROPERTY = "progsys.posix.binding";

    /** La variable d'environnement équivalente, lue si la propriété est absente. */
    public static final String BINDING_ENV = "PROGSYS_POSIX_BINDING";

    private Posix() {
    }

    /**
     * Le nom de la liaison en service dans cette JVM, {@code "jnr"} ou
     * {@code "ffm"} ; la charge si ce n'est pas déjà fait.
     *
     * @throws UnsupportedOperationException hors de Linux, ou si ffm est imposée
     *         sur un JDK antérieur au 22
     */
    public static String binding() {
        return Binding.get().name();
    }
}
