package fr.progsys.posix;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.Struct;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.Variadic;
import jnr.ffi.types.intptr_t;
import jnr.ffi.types.off_t;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;

/**
 * La liaison jnr : chargement unique des bibliothèques natives par jnr-ffi et
 * jnr-posix. Seul {@link JnrBinding} s'en sert ; sur le chemin FFM, cette
 * classe n'est jamais chargée.
 */
final class Native {

    /** Taille de {@code sem_t} sur Linux x86_64 et aarch64 (glibc : __SIZEOF_SEM_T). */
    static final int SIZEOF_SEM_T = Binding.SIZEOF_SEM_T;

    private Native() {
    }

    /**
     * Les signatures C brutes, une méthode par fonction de la libc, telles que les
     * donnent les pages de manuel. Publique au sens de la JVM (jnr en génère
     * l'implémentation dans un autre chargeur de classes), mais enfermée dans la
     * classe package-private {@code Native} : les exemples du cours ne
     * voient jamais un {@link Pointer} ; ils passent par les classes publiques
     * ({@link Unistd}, {@link UnnamedSemaphore}, …) qui transforment un {@code -1}
     * et {@code errno} en {@link PosixException}. Un {@code sem_t *} passe comme
     * une adresse ({@code intptr_t}), la même que dans la liaison FFM.
     */
    public interface LibC {

        // <unistd.h>, <sys/syscall.h>
        int gettid();

        // <string.h>
        String strerror(int errnum);

        // <gnu/libc-version.h> : la version de la glibc chargée, par exemple « 2.36 »
        String gnu_get_libc_version();

        // <semaphore.h> : sémaphores anonymes (sem_t en mémoire native)
        int sem_init(@intptr_t long sem, int pshared, int value);

        int sem_destroy(@intptr_t long sem);

        int sem_wait(@intptr_t long sem);

        int sem_trywait(@intptr_t long sem);

        int sem_post(@intptr_t long sem);

        int sem_getvalue(@intptr_t long sem, @Out int[] sval);

        int sem_timedwait(@intptr_t long sem, @In Timespec abstime);

        // <semaphore.h> : sémaphores nommés. sem_open est variadique :
        // mode et value ne sont lus qu'avec O_CREAT. SEM_FAILED = NULL (glibc).
        @Variadic(fixedCount = 2)
        @intptr_t long sem_open(String name, int oflag, int mode, int value);

        int sem_close(@intptr_t long sem);

        int sem_unlink(String name);

        // <mqueue.h> : mq_open est variadique (mode et attr avec O_CREAT).
        // mqd_t est un int sous Linux : un descripteur, -1 en cas d'erreur.
        @Variadic(fixedCount = 2)
        int mq_open(String name, int oflag, int mode, Pointer attr);

        int mq_close(int mqdes);

        int mq_unlink(String name);

        int mq_getattr(int mqdes, @Out MqAttr attr);

        int mq_setattr(int mqdes, @In MqAttr newattr, @Out MqAttr oldattr);

        // Les messages passent par un tampon natif (JnrBinding.Exchange) donné
        // par son adresse : jnr n'a aucun tableau Java à recopier autour de l'appel.
        int mq_send(int mqdes, @intptr_t long msg, @size_t long len, int prio);

        int mq_timedsend(int mqdes, @intptr_t long msg, @size_t long len, int prio,
                @In Timespec abstime);

        @ssize_t long mq_receive(int mqdes, @intptr_t long msg, @size_t long len,
                @intptr_t long prio);

        @ssize_t long mq_timedreceive(int mqdes, @intptr_t long msg, @size_t long len,
                @intptr_t long prio, @In Timespec abstime);

        // <sys/mman.h>
        int shm_open(String name, int oflag, int mode);

        int shm_unlink(String name);

        Pointer mmap(Pointer addr, @size_t long length, int prot, int flags, int fd,
                @off_t long offset);

        int munmap(Pointer addr, @size_t long length);

        // <unistd.h>
        int ftruncate(int fd, @off_t long length);

        @ssize_t long read(int fd, @Out byte[] buf, @size_t long count);

        @ssize_t long write(int fd, @In byte[] buf, @size_t long count);

        @off_t long lseek(int fd, @off_t long offset, int whence);

        int close(int fd);

        long sysconf(int name);
    }

    /**
     * {@code struct mq_attr} de {@code <mqueue.h>} (Linux) : quatre {@code long}
     * puis une réserve de quatre {@code long} ; 64 octets sur une machine 64 bits.
     * La disposition est vérifiée contre le C par un test compilé avec gcc.
     */
    public static final class MqAttr extends Struct {
        public final SignedLong mq_flags = new SignedLong();
        public final SignedLong mq_maxmsg = new SignedLong();
        public final SignedLong mq_msgsize = new SignedLong();
        public final SignedLong mq_curmsgs = new SignedLong();
        public final SignedLong[] reserved = array(new SignedLong[4]);

        public MqAttr(Runtime runtime) {
            super(runtime);
        }
    }

    /** {@code struct timespec} : une date absolue (CLOCK_REALTIME) pour les appels « timed ». */
    public static final class Timespec extends Struct {
        public final SignedLong tv_sec = new SignedLong();
        public final SignedLong tv_nsec = new SignedLong();

        public Timespec(Runtime runtime) {
            super(runtime);
        }
    }

    private static final class Holder {
        static final LibC LIBC = load();
        static final Runtime RUNTIME = Runtime.getRuntime(LIBC);
        static final POSIX POSIX = POSIXFactory.getNativePOSIX();
    }

    static LibC libc() {
        return Holder.LIBC;
    }

    static Runtime runtime() {
        return Holder.RUNTIME;
    }

    static POSIX posix() {
        return Holder.POSIX;
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
