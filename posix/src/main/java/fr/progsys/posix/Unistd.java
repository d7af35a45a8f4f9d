package fr.progsys.posix;

/**
 * Identité du processus et des threads ({@code <unistd.h>}).
 *
 * <p>Sous Linux, chaque thread Java est un thread du noyau (modèle 1:1) : il a
 * son propre identifiant de thread (TID, {@code gettid}) alors que tous les
 * threads d'un processus partagent le même PID ({@code getpid}). En C, le
 * thread initial a pour TID le PID lui-même ; en Java ce n'est pas le cas du
 * thread {@code main} : le lanceur {@code java} l'exécute dans un thread qu'il
 * crée lui-même, le thread initial du processus restant à l'écart.
 */
public final class Unistd {

    private Unistd() {
    }

    /** PID du processus appelant ({@code getpid(2)}). */
    public static long getpid() {
        return Binding.get().getpid();
    }

    /** PID du processus parent ({@code getppid(2)}). */
    public static long getppid() {
        return Binding.get().getppid();
    }

    /** TID noyau du thread appelant ({@code gettid(2)}, glibc ≥ 2.30). */
    public static long gettid() {
        return Binding.get().gettid();
    }

    /** UID réel du propriétaire du processus ({@code getuid(2)}). */
    public static int getuid() {
        return Binding.get().getuid();
    }

    /** GID réel du processus ({@code getgid(2)}). */
    public static int getgid() {
        return Binding.get().getgid();
    }
}
