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
     * Lève {@link UnsupportedOperationException} hors de Linux.
     *
     * @param what ce qui n'est pas disponible, par exemple « POSIX message queues »
     */
    public static void requireLinux(String what) {
        if (!isLinux()) {
            throw new UnsupportedOperationException(what + " are not available on "
                    + osName() + " (this course runs them on Linux only)");
        }
    }
}
