package fr.progsys.posix;

import java.util.Locale;

/** Le système d'exploitation courant, et le refus clair quand il ne convient pas. */
public final class Platform {

    private Platform() {
    }

    /** Vrai sous Linux, le seul système où ce cours exécute les appels POSIX. */
    public static boolean isLinux() {
        return osName().toLowerCase(Locale.ROOT).startsWith("linux");
    }

    /** Nom lisible du système courant, par exemple « macOS » ou « Windows 11 ». */
    public static String osName() {
        String name = System.getProperty("os.name", "inconnu");
        return name.startsWith("Mac") ? "macOS" : name;
    }

    /**
     * {@code gnu_get_libc_version()} : la version de la glibc que la JVM a
     * chargée (par exemple « 2.36 »). Certaines réponses (le errno d'un nom
     * trop long, par exemple) en dépendent : les tests l'affichent.
     */
    public static String libcVersion() {
        return Binding.get().libcVersion();
    }

    /**
     * La version de la glibc en nombre comparable : 2.36 donne 236.
     *
     * @throws IllegalStateException si la chaîne n'est pas de la forme « 2.NN »
     */
    public static int libcRelease() {
        String v = libcVersion();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\.(\\d+).*")
                .matcher(v);
        if (!m.matches()) {
            throw new IllegalStateException("version de la glibc illisible : " + v);
        }
        return Integer.parseInt(m.group(1)) * 100 + Integer.parseInt(m.group(2));
    }

    /**
     * Lève {@link UnsupportedOperationException} hors de Linux.
     *
     * @param what ce qui n'est pas disponible, au pluriel, par exemple
     *        « les files de messages POSIX »
     */
    public static void requireLinux(String what) {
        if (!isLinux()) {
            throw new UnsupportedOperationException(
                    Character.toUpperCase(what.charAt(0)) + what.substring(1)
                    + " ne sont pas disponibles sous " + osName()
                    + " (ce cours les utilise sous Linux uniquement)");
        }
    }
}
