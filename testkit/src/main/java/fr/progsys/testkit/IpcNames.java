package fr.progsys.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Noms uniques pour les objets IPC des tests : {@code /progsys-<pid>-<n>-<étiquette>}.
 *
 * <p>Le PID du processus qui a fabriqué le nom y est inscrit : l'extension
 * {@link IpcHygiene} ne surveille que les objets de sa propre JVM (d'autres
 * builds peuvent tourner en même temps sur la machine), et le
 * {@link IpcSweeper} sait retrouver les restes d'une exécution tuée (PID mort).
 */
public final class IpcNames {

    /** Préfixe commun de tous les objets du projet. */
    public static final String PREFIX = "progsys-";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final List<String> ISSUED = new CopyOnWriteArrayList<>();
    private static final Pattern OURS = Pattern.compile("(?:sem\\.)?progsys-(\\d+)-.*");

    private IpcNames() {
    }

    /** Un nom neuf, par exemple {@code /progsys-4242-7-mq}. */
    public static String unique(String label) {
        if (!label.matches("[a-z0-9-]{1,40}")) {
            throw new IllegalArgumentException("étiquette en [a-z0-9-] : " + label);
        }
        String name = "/" + ownPrefix() + COUNTER.incrementAndGet() + "-" + label;
        ISSUED.add(name);
        return name;
    }

    /**
     * Tous les noms fabriqués par cette JVM, dans l'ordre. {@link IpcSnapshot}
     * s'en sert pour sonder les files de messages là où {@code /dev/mqueue}
     * n'est pas monté (une file n'a alors aucune trace dans le système de
     * fichiers).
     */
    public static List<String> issued() {
        return List.copyOf(ISSUED);
    }

    /** {@code progsys-<pid>-} : le début des noms fabriqués par cette JVM. */
    public static String ownPrefix() {
        return PREFIX + ProcessHandle.current().pid() + "-";
    }

    /**
     * Le PID inscrit dans une entrée de {@code /dev/shm} ou {@code /dev/mqueue}
     * ({@code progsys-<pid>-…} ou {@code sem.progsys-<pid>-…}), ou −1 si
     * l'entrée n'est pas à nous.
     */
    public static long pidOf(String entry) {
        Matcher m = OURS.matcher(entry);
        if (!m.matches()) {
            return -1;
        }
        try {
            return Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
