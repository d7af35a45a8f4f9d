package fr.progsys.posix;

/**
 * Un sémaphore POSIX nommé ({@code sem_open}, {@code <semaphore.h>}) : un
 * compteur du noyau partagé par tous les processus qui ouvrent le même nom.
 * Sous Linux, la glibc le place dans un fichier {@code /dev/shm/sem.<nom>}
 * qu'elle projette en mémoire.
 *
 * <p>Les méthodes portent le nom des fonctions C ; chacune rend un
 * {@code int} en C (0 ou −1), et un −1 devient ici une {@link PosixException}.
 * {@code wait} étant pris par {@link Object#wait()}, {@code sem_wait} s'appelle
 * {@link #await()}.
 *
 * <p>Les opérations ({@code sem_wait}, {@code sem_post}…) sont celles de
 * {@link PosixSemaphore} ; si un autre thread est encore bloqué dans
 * {@code sem_wait}, le vrai {@code sem_close} attend son retour.
 */
public final class NamedSemaphore extends PosixSemaphore {

    private static final String WHAT = "les sémaphores nommés POSIX";

    private final String name;

    /** @param sem l'adresse du {@code sem_t} rendue par {@code sem_open} */
    private NamedSemaphore(String name, long sem) {
        super(sem, "sémaphore " + name, "sem [" + name + "]", null);
        this.name = name;
    }

    /** Première forme, {@code sem_open(name, oflag)} : ouvre un sémaphore existant. */
    public static NamedSemaphore open(String name, int oflag) {
        if ((oflag & OpenFlags.O_CREAT) != 0) {
            throw new IllegalArgumentException(
                    "avec O_CREAT, donner aussi le mode et la valeur initiale");
        }
        return doOpen(name, oflag, 0, 0, "sem_open(\"" + name + "\", "
                + OpenFlags.toString(oflag) + ")");
    }

    /**
     * Seconde forme, {@code sem_open(name, oflag, mode, value)} : avec O_CREAT,
     * crée le sémaphore s'il n'existe pas, avec la valeur {@code value}. S'il
     * existe déjà, il est ouvert tel quel (sa valeur n'est pas changée), ou
     * l'appel échoue avec EEXIST si O_EXCL est donné.
     */
    public static NamedSemaphore open(String name, int oflag, int mode, int value) {
        Mode.check(mode);
        if (value < 0) {
            throw new IllegalArgumentException("valeur initiale négative : " + value);
        }
        return doOpen(name, oflag, mode, value, "sem_open(\"" + name + "\", "
                + OpenFlags.toString(oflag) + ", " + Mode.toString(mode) + ", " + value + ")");
    }

    private static NamedSemaphore doOpen(String name, int oflag, int mode, int value,
            String call) {
        Platform.requireLinux(WHAT);
        IpcName.check(name, false);
        long sem = Binding.get().semOpen(name, oflag, mode, value);
        if (sem == 0L) { // SEM_FAILED
            throw PosixException.last(call);
        }
        return new NamedSemaphore(name, sem);
    }

    /**
     * {@code sem_unlink(name)}, sans erreur si le nom n'existe pas (ENOENT).
     *
     * @return vrai si un nom a été retiré
     */
    public static boolean unlinkIfExists(String name) {
        return IpcName.unlinkIfExists(() -> unlink(name));
    }

    /** {@code sem_unlink(name)} : retire le nom ; les processus qui l'ont ouvert le gardent. */
    public static void unlink(String name) {
        Platform.requireLinux(WHAT);
        IpcName.check(name, false);
        if (Binding.get().semUnlink(name) == -1) {
            throw PosixException.last("sem_unlink(\"" + name + "\")");
        }
    }

    public String name() {
        return name;
    }

    /** {@code sem_close} : ce processus cesse de s'en servir ; le sémaphore et son nom restent. */
    @Override
    void release() {
        if (Binding.get().semClose(sem) == -1) {
            throw PosixException.last("sem_close(sem [" + name + "])");
        }
    }

    @Override
    public String toString() {
        return "NamedSemaphore[" + name + (isOpen() ? "" : ", fermé") + "]";
    }
}
