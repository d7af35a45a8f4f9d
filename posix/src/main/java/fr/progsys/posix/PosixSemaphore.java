package fr.progsys.posix;

import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;

import jnr.constants.platform.Errno;

/**
 * Ce qu'ont en commun les sémaphores nommés et anonymes : un {@code sem_t *}
 * est le même objet pour {@code sem_wait}, {@code sem_post}… quelle que soit
 * la façon dont on l'a obtenu ({@code sem_open} pour {@link NamedSemaphore},
 * {@code sem_init} pour {@link UnnamedSemaphore}). Seules l'ouverture et la
 * fermeture diffèrent.
 *
 * <p>{@link #await()} bloque dans le noyau et ne réagit pas à
 * {@link Thread#interrupt()} : pour une attente bornée,
 * {@link #tryWait(Duration)} ({@code sem_timedwait}). Utiliser après
 * {@link #close()} lève {@link IllegalStateException} ; fermer deux fois est
 * sans effet ; la vraie libération attend le retour des appels en cours.
 */
public abstract sealed class PosixSemaphore implements AutoCloseable
        permits NamedSemaphore, UnnamedSemaphore {

    /** L'adresse du {@code sem_t}. */
    final long sem;
    /** Décrit le sémaphore dans les messages d'erreur, calculé une fois. */
    private final String what;
    private final Guard guard;
    /** La projection qui contient le {@code sem_t}, gardée elle aussi ; ou null. */
    private final Guard mapping;

    /**
     * @param label le sémaphore dans le message d'usage après fermeture
     * @param what le sémaphore dans les messages d'erreur des appels
     * @param mapping le garde de la projection qui le contient, ou null
     */
    PosixSemaphore(long sem, String label, String what, Guard mapping) {
        this.sem = sem;
        this.what = what;
        this.mapping = mapping;
        this.guard = new Guard(label, this::release);
    }

    /** La libération native ({@code sem_close} ou {@code sem_destroy}), une fois. */
    abstract void release();

    /** {@code sem_wait} : décrémente, ou bloque tant que la valeur est 0. */
    public void await() {
        int errno = guarded(() -> Binding.retryOnEintr(
                () -> Binding.get().semWait(sem) != -1));
        if (errno != 0) {
            throw new PosixException("sem_wait(" + what + ")", errno);
        }
    }

    /**
     * {@code sem_trywait} : décrémente si la valeur est positive, sinon échoue
     * tout de suite (EAGAIN en C).
     *
     * @return vrai si le sémaphore a été pris, faux si sa valeur était 0
     */
    public boolean tryWait() {
        int errno = guarded(() -> errno(Binding.get().semTrywait(sem)));
        if (errno == 0) {
            return true;
        }
        if (Binding.is(errno, Errno.EAGAIN)) {
            return false;
        }
        throw new PosixException("sem_trywait(" + what + ")", errno);
    }

    /**
     * {@code sem_timedwait} : comme {@link #await()}, sans attendre plus de
     * {@code timeout}.
     *
     * @return vrai si le sémaphore a été pris, faux si le délai a expiré (ETIMEDOUT)
     */
    public boolean tryWait(Duration timeout) {
        Instant deadline = Binding.deadline(timeout);
        int errno = guarded(() -> Binding.retryOnEintr(
                () -> Binding.get().semTimedwait(sem, deadline) != -1));
        if (errno == 0) {
            return true;
        }
        if (Binding.is(errno, Errno.ETIMEDOUT)) {
            return false;
        }
        throw new PosixException("sem_timedwait(" + what + ", &abstime)", errno);
    }

    /** {@code sem_post} : incrémente et réveille un thread ou processus bloqué s'il y en a. */
    public void post() {
        int errno = guarded(() -> errno(Binding.get().semPost(sem)));
        if (errno != 0) {
            throw new PosixException("sem_post(" + what + ")", errno);
        }
    }

    /** {@code sem_getvalue} : la valeur courante (instantané, déjà périmé au retour). */
    public int value() {
        int[] sval = new int[1];
        int errno = guarded(() -> errno(Binding.get().semGetvalue(sem, sval)));
        if (errno != 0) {
            throw new PosixException("sem_getvalue(" + what + ", &sval)", errno);
        }
        return sval[0];
    }

    public boolean isOpen() {
        return guard.isOpen();
    }

    /** Interdit les nouveaux usages ; la libération suit le dernier appel en cours. */
    @Override
    public void close() {
        guard.close();
    }

    /**
     * {@code body} sous le garde du sémaphore et, s'il vit dans une projection,
     * sous celui de la projection (un munmap ne peut pas passer pendant l'appel).
     */
    private int guarded(IntSupplier body) {
        return guard.call(() -> mapping == null
                ? body.getAsInt()
                : mapping.call(body::getAsInt));
    }

    /** 0 si l'appel C a rendu 0, sinon son errno. */
    private static int errno(int result) {
        return result == 0 ? 0 : Binding.lastErrno();
    }
}
