package fr.progsys.posix;

import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * Un sémaphore POSIX anonyme ({@code sem_init}, {@code <semaphore.h>}) placé en
 * mémoire native, partagé par les threads de ce processus ({@code pshared = 0}).
 *
 * <p>Le deuxième argument de {@code sem_init}, {@code pshared}, n'est pas un
 * nombre de threads : 0 veut dire « partagé entre les threads d'un processus »,
 * une autre valeur « partagé entre processus », et le sémaphore doit alors se
 * trouver dans une mémoire partagée par ces processus.
 *
 * <p>{@link #await()} bloque dans le noyau ({@code sem_wait}) et ne réagit donc
 * pas à {@link Thread#interrupt()} ; préférer {@link #tryWait()} quand on ne veut
 * pas bloquer. Utiliser après {@link #close()} lève {@link IllegalStateException} ;
 * fermer deux fois est sans effet.
 */
public final class UnnamedSemaphore implements AutoCloseable {

    private final Pointer sem;
    private volatile boolean closed;

    /** {@code sem_init(&sem, 0, value)}. */
    public UnnamedSemaphore(int value) {
        if (value < 0) {
            throw new IllegalArgumentException(
                    "la valeur initiale d'un sémaphore est ≥ 0 (reçu " + value + ")");
        }
        this.sem = Memory.allocateDirect(Native.runtime(), Native.SIZEOF_SEM_T, true);
        if (Native.libc().sem_init(sem, 0, value) == -1) {
            throw PosixException.last("sem_init(sem, 0, " + value + ")");
        }
    }

    /** {@code sem_wait} : décrémente, ou bloque tant que la valeur est 0. */
    public void await() {
        check();
        while (Native.libc().sem_wait(sem) == -1) {
            int errno = Native.errno();
            if (!"EINTR".equals(PosixException.nameOf(errno))) {
                throw new PosixException("sem_wait(sem)", errno);
            }
        }
    }

    /**
     * {@code sem_trywait} : décrémente si la valeur est positive, sinon échoue
     * tout de suite (EAGAIN en C).
     *
     * @return vrai si le sémaphore a été pris, faux si sa valeur était 0
     */
    public boolean tryWait() {
        check();
        if (Native.libc().sem_trywait(sem) == 0) {
            return true;
        }
        int errno = Native.errno();
        if ("EAGAIN".equals(PosixException.nameOf(errno))) {
            return false;
        }
        throw new PosixException("sem_trywait(sem)", errno);
    }

    /** {@code sem_post} : incrémente et réveille un thread bloqué s'il y en a. */
    public void post() {
        check();
        if (Native.libc().sem_post(sem) == -1) {
            throw PosixException.last("sem_post(sem)");
        }
    }

    /** {@code sem_getvalue} : la valeur courante (instantané, déjà périmé au retour). */
    public int value() {
        check();
        Pointer out = Memory.allocate(Native.runtime(), 4);
        if (Native.libc().sem_getvalue(sem, out) == -1) {
            throw PosixException.last("sem_getvalue(sem, &sval)");
        }
        return out.getInt(0);
    }

    /** {@code sem_destroy}. Sans effet la deuxième fois. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (Native.libc().sem_destroy(sem) == -1) {
            throw PosixException.last("sem_destroy(sem)");
        }
    }

    private void check() {
        if (closed) {
            throw new IllegalStateException("sémaphore détruit (sem_destroy déjà appelé)");
        }
    }
}
