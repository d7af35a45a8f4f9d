package fr.progsys.posix;

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
 * <p>Les opérations ({@code sem_wait}, {@code sem_post}…) sont celles de
 * {@link PosixSemaphore}.
 */
public final class UnnamedSemaphore extends PosixSemaphore {

    /** La mémoire du {@code sem_t} (pshared = 0), gardée vivante ici ; sinon null. */
    private final Binding.Region memory;
    private final int pshared;
    /** La projection qui contient le sémaphore (pshared ≠ 0), sinon null. */
    private final MappedMemory mapping;
    /** Faux pour un sémaphore seulement rattaché : sem_destroy revient au créateur. */
    private final boolean owner;

    /** {@code sem_init(&sem, 0, value)} : partagé par les threads de ce processus. */
    public UnnamedSemaphore(int value) {
        this(checkValue(value), Binding.get().allocate(Binding.SIZEOF_SEM_T));
    }

    private UnnamedSemaphore(int value, Binding.Region memory) {
        super(memory.address(), "sémaphore anonyme", "sem", null);
        this.memory = memory;
        this.pshared = 0;
        this.mapping = null;
        this.owner = true;
        init(value);
    }

    private UnnamedSemaphore(MappedMemory mapping, long sem, boolean owner) {
        super(sem, "sémaphore anonyme partagé", "sem", mapping.guard());
        this.memory = null;
        this.pshared = 1;
        this.mapping = mapping;
        this.owner = owner;
    }

    private static int checkValue(int value) {
        if (value < 0) {
            throw new IllegalArgumentException(
                    "la valeur initiale d'un sémaphore est ≥ 0 (reçu " + value + ")");
        }
        return value;
    }

    static UnnamedSemaphore inSharedMemory(MappedMemory mapping, long sem, int value,
            boolean init) {
        UnnamedSemaphore s = new UnnamedSemaphore(mapping, sem, init);
        if (init) {
            mapping.guard().run(() -> s.init(value));
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

    /**
     * {@code sem_destroy} pour le créateur ; sans effet sur la mémoire pour un
     * sémaphore seulement rattaché ({@link MappedMemory#semaphoreAt}), ni si la
     * projection a déjà disparu.
     */
    @Override
    void release() {
        if (!owner) {
            return;
        }
        if (mapping == null) {
            destroy();
            return;
        }
        try {
            mapping.guard().run(this::destroy);
        } catch (IllegalStateException unmapped) {
            // la mémoire n'est plus projetée : rien à détruire ici
        }
    }

    private void destroy() {
        if (Binding.get().semDestroy(sem) == -1) {
            throw PosixException.last("sem_destroy(sem)");
        }
    }
}
