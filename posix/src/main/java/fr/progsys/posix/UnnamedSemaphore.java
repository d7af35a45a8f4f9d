package fr.progsys.posix;

import java.time.Duration;
import java.time.Instant;

/**
 * Un sémaphore POSIX anonyme ({@code sem_init}, {@code <semaphore.h>}).
 *
 * <p>Le deuxième argument de {@code sem_init}, {@code pshared}, n'est pas un
 * nombre de threads : 0 veut dire « partagé entre les threads d'un processus »,
 * une autre valeur « partagé entre processus », et le sémaphore doit alors se
 * trouver dans une mémoire partagée par ces processus.
 * {@link #UnnamedSemaphore(int)} crée le premier cas (en mémoire native du
 * processus) ; {@link MappedMemory#initSemaphore} le second (dans une
 * projection MAP_SHARED d'un objet {@link SharedMemory}).
 *
 * <p>{@link #await()} bloque dans le noyau ({@code sem_wait}) et ne réagit donc
 * pas à {@link Thread#interrupt()} ; préférer {@link #tryWait()} ou
 * {@link #tryWait(Duration)} quand on ne veut pas bloquer indéfiniment. Utiliser
 * après {@link #close()} lève {@link IllegalStateException} ; fermer deux fois
 * est sans effet.
 */
public final class UnnamedSemaphore implements AutoCloseable {

    /** L'adresse du {@code sem_t}. */
    private final long sem;
    /** La mémoire du {@code sem_t} (pshared = 0), gardée vivante ici ; sinon null. */
    private final Binding.Region memory;
    private final int pshared;
    /** La projection qui contient le sémaphore (pshared ≠ 0), sinon null. */
    private final MappedMemory mapping;
    private final Guard guard;

    /** {@code sem_init(&sem, 0, value)} : partagé par les threads de ce processus. */
    public UnnamedSemaphore(int value) {
        if (value < 0) {
            throw new IllegalArgumentException(
                    "la valeur initiale d'un sémaphore est ≥ 0 (reçu " + value + ")");
        }
        this.memory = Binding.get().allocate(Binding.SIZEOF_SEM_T);
        this.sem = memory.address();
        this.pshared = 0;
        this.mapping = null;
        init(value);
        this.guard = new Guard("sémaphore anonyme", this::destroy);
    }

    private UnnamedSemaphore(MappedMemory mapping, long sem, boolean owner) {
        this.sem = sem;
        this.memory = null;
        this.pshared = 1;
        this.mapping = mapping;
        this.guard = new Guard("sémaphore anonyme partagé", owner ? this::destroy : () -> { });
    }

    static UnnamedSemaphore inSharedMemory(MappedMemory mapping, long sem, int value,
            boolean init) {
        UnnamedSemaphore s = new UnnamedSemaphore(mapping, sem, init);
        if (init) {
            s.mapping.guard().enter();
            try {
                s.init(value);
            } finally {
                s.mapping.guard().exit();
            }
        }
        return s;
    }

    private void init(int value) {
        if (Binding.get().semInit(sem, pshared, value) == -1) {
            throw PosixException.last("sem_init(sem, " + pshared + ", " + value + ")");
        }
    }

    /** La valeur de {@code pshared} passée à {@code sem_init} : 0 (threads) ou 1 (processus). */
    public int pshared() {
        return pshared;
    }

    /** {@code sem_wait} : décrémente, ou bloque tant que la valeur est 0. */
    public void await() {
        enter();
        try {
            SemOps.await(sem, "sem");
        } finally {
            exit();
        }
    }

    /**
     * {@code sem_trywait} : décrémente si la valeur est positive, sinon échoue
     * tout de suite (EAGAIN en C).
     *
     * @return vrai si le sémaphore a été pris, faux si sa valeur était 0
     */
    public boolean tryWait() {
        enter();
        try {
            return SemOps.tryWait(sem, "sem");
        } finally {
            exit();
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
        enter();
        try {
            return SemOps.timedWait(sem, deadline, "sem");
        } finally {
            exit();
        }
    }

    /** {@code sem_post} : incrémente et réveille un thread bloqué s'il y en a. */
    public void post() {
        enter();
        try {
            SemOps.post(sem, "sem");
        } finally {
            exit();
        }
    }

    /** {@code sem_getvalue} : la valeur courante (instantané, déjà périmé au retour). */
    public int value() {
        enter();
        try {
            return SemOps.value(sem, "sem");
        } finally {
            exit();
        }
    }

    /**
     * {@code sem_destroy} pour le créateur ; sans effet sur la mémoire pour un
     * sémaphore seulement rattaché ({@link MappedMemory#semaphoreAt}). Sans effet
     * la deuxième fois.
     */
    @Override
    public void close() {
        guard.close();
    }

    private void destroy() {
        if (mapping != null) {
            try {
                mapping.guard().enter();
            } catch (IllegalStateException unmapped) {
                return; // la mémoire n'est plus projetée : rien à détruire ici
            }
        }
        try {
            if (Binding.get().semDestroy(sem) == -1) {
                throw PosixException.last("sem_destroy(sem)");
            }
        } finally {
            if (mapping != null) {
                mapping.guard().exit();
            }
        }
    }

    private void enter() {
        guard.enter();
        if (mapping != null) {
            try {
                mapping.guard().enter();
            } catch (IllegalStateException e) {
                guard.exit();
                throw e;
            }
        }
    }

    private void exit() {
        if (mapping != null) {
            mapping.guard().exit();
        }
        guard.exit();
    }
}
