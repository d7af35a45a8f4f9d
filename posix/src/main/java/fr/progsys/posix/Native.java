package fr.progsys.posix;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;

/** Chargement unique des bibliothèques natives. */
final class Native {

    /** Taille de {@code sem_t} sur Linux x86_64 et aarch64 (glibc : __SIZEOF_SEM_T). */
    static final int SIZEOF_SEM_T = 32;

    private Native() {
    }

    /**
     * Les signatures C brutes, une méthode par fonction de la libc, telles que les
     * donnent les pages de manuel. Publique au sens de la JVM (jnr en génère
     * l'implémentation dans un autre chargeur de classes), mais enfermée dans la
     * classe package-private {@code Native} : les exemples du cours ne
     * voient jamais un {@link Pointer} ; ils passent par les classes publiques
     * ({@link Unistd}, {@link UnnamedSemaphore}, …) qui transforment un {@code -1}
     * et {@code errno} en {@link PosixException}.
     */
    public interface LibC {

        // <unistd.h>, <sys/syscall.h>
        int gettid();

        // <string.h>
        String strerror(int errnum);

        // <semaphore.h> : sémaphores anonymes (sem_t en mémoire native)
        int sem_init(Pointer sem, int pshared, int value);

        int sem_destroy(Pointer sem);

        int sem_wait(Pointer sem);

        int sem_trywait(Pointer sem);

        int sem_post(Pointer sem);

        int sem_getvalue(Pointer sem, Pointer sval);
    }

    private static final class Holder {
        static final LibC LIBC = load();
        static final Runtime RUNTIME = Runtime.getRuntime(LIBC);
        static final POSIX POSIX = POSIXFactory.getNativePOSIX();
    }

    static LibC libc() {
        Platform.requireLinux("les appels POSIX de ce cours");
        return Holder.LIBC;
    }

    static Runtime runtime() {
        libc();
        return Holder.RUNTIME;
    }

    static POSIX posix() {
        libc();
        return Holder.POSIX;
    }

    /** Le errno laissé par le dernier appel natif de ce thread. */
    static int errno() {
        return runtime().getLastError();
    }

    private static LibC load() {
        // Depuis la glibc 2.34, librt est fusionnée dans libc : mq_open,
        // shm_open… sont dans libc.so.6. On ajoute librt pour les systèmes
        // plus anciens, où ces fonctions n'existent que là.
        try {
            return LibraryLoader.create(LibC.class).library("c").library("rt").load();
        } catch (UnsatisfiedLinkError e) {
            return LibraryLoader.create(LibC.class).library("c").load();
        }
    }
}
