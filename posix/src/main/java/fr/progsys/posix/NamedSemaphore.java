package fr.progsys.posix;

import java.time.Duration;
import java.time.Instant;

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
 * <p>{@link #await()} bloque dans le noyau et ne réagit pas à
 * {@link Thread#interrupt()} : pour une attente bornée, {@link #tryWait(Duration)}
 * ({@code sem_timedwait}). Utiliser après {@link #close()} lève
 * {@link IllegalStateException} ; fermer deux fois est sans effet ; si un autre
 * thread est encore bloqué dans {@code sem_wait}, le vrai {@code sem_close}
 * attend son retour.
 */
public final class NamedSemaphore implements AutoCloseable {

    private static final String WHAT = "POSIX named semaphores";

    private final String name;
    /** L'adresse du {@code sem_t} rendue par {@code sem_open}. */
    private final long sem;
    private final Guard guard;

    private NamedSemaphore(String name, long sem) {
        this.name = name;
        this.sem = sem;
        this.guard = new Guard("sémaphore " + name, () -> {
            if (Binding.get().semClose(sem) == -1) {
                throw PosixException.last("sem_close(sem [" + name + "])");
            }
        });
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

    public boolean isOpen() {
        return guard.isOpen();
    }

    /** {@code sem_wait} : décrémente, ou bloque tant que la valeur est 0. */
    public void await() {
        guard.enter();
        try {
            SemOps.await(sem, what());
        } finally {
            guard.exit();
        }
    }

    /**
     * {@code sem_trywait} : décrémente si la valeur est positive, sinon échoue
     * tout de suite (EAGAIN en C).
     *
     * @return vrai si le sémaphore a été pris, faux si sa valeur était 0
     */
    public boolean tryWait() {
        guard.enter();
        try {
            return SemOps.tryWait(sem, what());
        } finally {
            guard.exit();
        }
    }

    /**
     * {@code sem_trywait}, mais en rendant l'erreur du C telle quelle : une
     * {@link PosixException} EAGAIN si la valeur est 0.
     */
    public void tryWaitOrThrow() {
        guard.enter();
        try {
            if (Binding.get().semTrywait(sem) == -1) {
                throw PosixException.last("sem_trywait(" + what() + ")");
            }
        } finally {
            guard.exit();
        }
    }

    /**
     * {@code sem_timedwait} : comme {@link #await()}, sans attendre plus de
     * {@code timeout}.
     *
     * @return vrai si le sémaphore a été pris, faux si le délai a expiré (ETIMEDOUT)
     */
    public boolean tryWait(Duration timeout) {
        Instant deadline = SemOps.deadline(timeout);
        guard.enter();
        try {
            return SemOps.timedWait(sem, deadline, what());
        } finally {
            guard.exit();
        }
    }

    /** {@code sem_post} : incrémente et réveille un processus bloqué s'il y en a. */
    public void post() {
        guard.enter();
        try {
            SemOps.post(sem, what());
        } finally {
            guard.exit();
        }
    }

    /** {@code sem_getvalue} : la valeur courante (instantané, déjà périmé au retour). */
    public int value() {
        guard.enter();
        try {
            return SemOps.value(sem, what());
        } finally {
            guard.exit();
        }
    }

    private String what() {
        return "sem [" + name + "]";
    }

    /** {@code sem_close} : ce processus cesse de s'en servir ; le sémaphore et son nom restent. */
    @Override
    public void close() {
        guard.close();
    }

    @Override
    public String toString() {
        return "NamedSemaphore[" + name + (isOpen() ? "" : ", fermé") + "]";
    }
}
