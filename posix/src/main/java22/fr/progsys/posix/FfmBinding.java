package fr.progsys.posix;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * La liaison par l'API {@code java.lang.foreign} du JDK (FFM, finale depuis le
 * JDK 22) : un {@link MethodHandle} de « downcall » par fonction C, errno
 * capturé au retour de chaque appel ({@code Linker.Option.captureCallState}),
 * les structures ({@code struct mq_attr}, {@code struct timespec}) et la
 * mémoire projetée vues comme des {@link MemorySegment}.
 *
 * <p>Compilée à part ({@code src/main/java22}, {@code --release 22}) et chargée
 * par son nom : le reste du module reste en Java 17. Aucune classe de jnr-ffi
 * ni de jnr-posix n'est touchée ici.
 *
 * <p>Types C sous Linux 64 bits (LP64) : {@code long}, {@code size_t},
 * {@code ssize_t} et {@code off_t} font 64 bits ({@code JAVA_LONG}) ;
 * {@code int}, {@code mode_t}, {@code pid_t}, {@code uid_t} et {@code mqd_t}
 * 32 bits ({@code JAVA_INT}).
 */
final class FfmBinding implements Binding {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = libc();

    /** Où l'appel dépose errno : un segment par thread, passé en premier argument. */
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final long ERRNO_AT = CAPTURE.byteOffset(groupElement("errno"));
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");

    /**
     * Un appel ordinaire fait passer le thread de l'état « en Java » à l'état « en
     * natif » et retour : pendant l'appel, le ramasse-miettes peut travailler sans
     * l'attendre, et le retour vérifie s'il doit s'arrêter (point de sûreté). Un
     * appel « critique » saute ces deux transitions : moins cher, mais tant qu'il
     * dure, aucun point de sûreté ne peut aboutir, donc toute la JVM peut l'attendre.
     * Réservé ici aux fonctions qui rendent la main aussitôt, dans tous les cas :
     * getpid, getppid, gettid, getuid, getgid, sem_post (au plus un réveil
     * futex, sans attente), sem_trywait (EAGAIN plutôt qu'attendre) et
     * sem_getvalue. Jamais sem_wait, mq_send ou mq_receive, qui peuvent bloquer.
     * {@code false} : pas d'accès au tas Java, on ne passe que des segments
     * natifs. La Javadoc du JDK 25 ne l'interdit pas avec captureCallState (rien
     * n'est vérifié pour cette combinaison) : errno reste capturé.
     */
    private static final Linker.Option CRITICAL = Linker.Option.critical(false);

    /** {@code struct mq_attr} (Linux) : quatre {@code long}, puis quatre de réserve. */
    static final StructLayout MQ_ATTR = MemoryLayout.structLayout(
            JAVA_LONG.withName("mq_flags"), JAVA_LONG.withName("mq_maxmsg"),
            JAVA_LONG.withName("mq_msgsize"), JAVA_LONG.withName("mq_curmsgs"),
            MemoryLayout.sequenceLayout(4, JAVA_LONG).withName("__pad"));

    /** {@code struct timespec} : {@code tv_sec} et {@code tv_nsec}. */
    static final StructLayout TIMESPEC = MemoryLayout.structLayout(
            JAVA_LONG.withName("tv_sec"), JAVA_LONG.withName("tv_nsec"));

    /** Position de {@code st_size} dans {@code struct stat} (x86_64 comme aarch64). */
    private static final long ST_SIZE_AT = 48;
    /** Place réservée pour {@code struct stat} (144 octets en x86_64, 128 en aarch64). */
    private static final long STAT_BYTES = 256;

    // Disposition du petit tampon de chaque thread.
    private static final long ATTR_A = 0;
    private static final long ATTR_B = 64;
    private static final long TS = 128;
    private static final long PRIO = 144;
    private static final long SVAL = 148;
    private static final long STAT = 256;
    private static final long SMALL_BYTES = STAT + STAT_BYTES;

    /** Au-delà, un tampon d'échange n'est pas gardé par le thread. */
    private static final long KEEP_BUFFER_MAX = 1 << 16;

    // <string.h>, <unistd.h> : ne touchent pas errno (ou ne peuvent échouer) ;
    // les get*id, immédiats, sont critiques (voir CRITICAL).
    private static final MethodHandle STRERROR = plain("strerror", ADDRESS, JAVA_INT);
    private static final MethodHandle GETPID = critical("getpid", JAVA_INT);
    private static final MethodHandle GETPPID = critical("getppid", JAVA_INT);
    private static final MethodHandle GETTID = critical("gettid", JAVA_INT);
    private static final MethodHandle GETUID = critical("getuid", JAVA_INT);
    private static final MethodHandle GETGID = critical("getgid", JAVA_INT);

    private static final MethodHandle SYSCONF = errno("sysconf", JAVA_LONG, JAVA_INT);

    // <semaphore.h>
    private static final MethodHandle SEM_INIT = errno("sem_init", JAVA_INT, ADDRESS,
            JAVA_INT, JAVA_INT);
    private static final MethodHandle SEM_DESTROY = errno("sem_destroy", JAVA_INT, ADDRESS);
    private static final MethodHandle SEM_WAIT = errno("sem_wait", JAVA_INT, ADDRESS);
    private static final MethodHandle SEM_TRYWAIT = criticalErrno("sem_trywait", JAVA_INT,
            ADDRESS);
    private static final MethodHandle SEM_TIMEDWAIT = errno("sem_timedwait", JAVA_INT,
            ADDRESS, ADDRESS);
    private static final MethodHandle SEM_POST = criticalErrno("sem_post", JAVA_INT, ADDRESS);
    private static final MethodHandle SEM_GETVALUE = criticalErrno("sem_getvalue", JAVA_INT,
            ADDRESS, ADDRESS);
    /** Variadique : mode et value ne sont lus qu'avec O_CREAT ; SEM_FAILED = NULL (glibc). */
    private static final MethodHandle SEM_OPEN = variadic("sem_open", 2, ADDRESS, ADDRESS,
            JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle SEM_CLOSE = errno("sem_close", JAVA_INT, ADDRESS);
    private static final MethodHandle SEM_UNLINK = errno("sem_unlink", JAVA_INT, ADDRESS);

    // <mqueue.h> ; mq_open est variadique (mode et attr avec O_CREAT).
    private static final MethodHandle MQ_OPEN = variadic("mq_open", 2, JAVA_INT, ADDRESS,
            JAVA_INT, JAVA_INT, ADDRESS);
    private static final MethodHandle MQ_CLOSE = errno("mq_close", JAVA_INT, JAVA_INT);
    private static final MethodHandle MQ_UNLINK = errno("mq_unlink", JAVA_INT, ADDRESS);
    private static final MethodHandle MQ_GETATTR = errno("mq_getattr", JAVA_INT, JAVA_INT,
            ADDRESS);
    private static final MethodHandle MQ_SETATTR = errno("mq_setattr", JAVA_INT, JAVA_INT,
            ADDRESS, ADDRESS);
    private static final MethodHandle MQ_SEND = errno("mq_send", JAVA_INT, JAVA_INT,
            ADDRESS, JAVA_LONG, JAVA_INT);
    private static final MethodHandle MQ_TIMEDSEND = errno("mq_timedsend", JAVA_INT,
            JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS);
    private static final MethodHandle MQ_RECEIVE = errno("mq_receive", JAVA_LONG, JAVA_INT,
            ADDRESS, JAVA_LONG, ADDRESS);
    private static final MethodHandle MQ_TIMEDRECEIVE = errno("mq_timedreceive", JAVA_LONG,
            JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS);

    // <sys/mman.h>, <unistd.h>, <sys/stat.h>
    private static final MethodHandle SHM_OPEN = errno("shm_open", JAVA_INT, ADDRESS,
            JAVA_INT, JAVA_INT);
    private static final MethodHandle SHM_UNLINK = errno("shm_unlink", JAVA_INT, ADDRESS);
    private static final MethodHandle MMAP = errno("mmap", ADDRESS, ADDRESS, JAVA_LONG,
            JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG);
    private static final MethodHandle MUNMAP = errno("munmap", JAVA_INT, ADDRESS, JAVA_LONG);
    private static final MethodHandle FTRUNCATE = errno("ftruncate", JAVA_INT, JAVA_INT,
            JAVA_LONG);
    private static final MethodHandle FCHMOD = errno("fchmod", JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle FCHOWN = errno("fchown", JAVA_INT, JAVA_INT, JAVA_INT,
            JAVA_INT);
    private static final MethodHandle LIBC_VERSION = plain("gnu_get_libc_version", ADDRESS);
    private static final MethodHandle FSTAT = fstat();
    private static final MethodHandle READ = errno("read", JAVA_LONG, JAVA_INT, ADDRESS,
            JAVA_LONG);
    private static final MethodHandle WRITE = errno("write", JAVA_LONG, JAVA_INT, ADDRESS,
            JAVA_LONG);
    private static final MethodHandle LSEEK = errno("lseek", JAVA_LONG, JAVA_INT, JAVA_LONG,
            JAVA_INT);
    private static final MethodHandle CLOSE = errno("close", JAVA_INT, JAVA_INT);

    /** La mémoire d'échange de chaque thread : errno capturé, structures, messages. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    FfmBinding() {
        String arch = System.getProperty("os.arch", "");
        if (!arch.equals("amd64") && !arch.equals("x86_64") && !arch.equals("aarch64")) {
            throw new UnsupportedOperationException("liaison ffm : dispositions C écrites"
                    + " pour Linux x86_64 et aarch64, pas pour " + arch
                    + " ; choisir la liaison jnr");
        }
    }

    @Override
    public String name() {
        return "ffm";
    }

    @Override
    public int errno() {
        return SCRATCH.get().state.get(JAVA_INT, ERRNO_AT);
    }

    @Override
    public String strerror(int errnum) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errnum);
            return text.reinterpret(Long.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public long getpid() {
        try {
            return (int) GETPID.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public long getppid() {
        try {
            return (int) GETPPID.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public long gettid() {
        try {
            return (int) GETTID.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int getuid() {
        try {
            return (int) GETUID.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int getgid() {
        try {
            return (int) GETGID.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public long sysconf(int name) {
        try {
            return (long) SYSCONF.invokeExact(state(), name);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public Region allocate(long size) {
        // Arena automatique : la mémoire est rendue quand la Region n'est plus atteignable.
        return new FfmRegion(Arena.ofAuto().allocate(size, 8), null);
    }

    @Override
    public int semInit(long sem, int pshared, int value) {
        try {
            return (int) SEM_INIT.invokeExact(state(), MemorySegment.ofAddress(sem), pshared,
                    value);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int semDestroy(long sem) {
        try {
            return (int) SEM_DESTROY.invokeExact(state(), MemorySegment.ofAddress(sem));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int semWait(long sem) {
        try {
            return (int) SEM_WAIT.invokeExact(state(), MemorySegment.ofAddress(sem));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int semTrywait(long sem) {
        try {
            return (int) SEM_TRYWAIT.invokeExact(state(), MemorySegment.ofAddress(sem));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int semTimedwait(long sem, Instant deadline) {
        Scratch s = SCRATCH.get();
        MemorySegment ts = s.timespec(deadline);
        try {
            return (int) SEM_TIMEDWAIT.invokeExact(s.state, MemorySegment.ofAddress(sem), ts);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int semPost(long sem) {
        try {
            return (int) SEM_POST.invokeExact(state(), MemorySegment.ofAddress(sem));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int semGetvalue(long sem, int[] sval) {
        Scratch s = SCRATCH.get();
        MemorySegment out = s.small.asSlice(SVAL, 4);
        try {
            int r = (int) SEM_GETVALUE.invokeExact(s.state, MemorySegment.ofAddress(sem), out);
            sval[0] = out.get(JAVA_INT, 0);
            return r;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public long semOpen(String name, int oflag, int mode, int value) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sem = (MemorySegment) SEM_OPEN.invokeExact(state(),
                    arena.allocateFrom(name), oflag, mode, value);
            return sem.address();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int semClose(long sem) {
        try {
            return (int) SEM_CLOSE.invokeExact(state(), MemorySegment.ofAddress(sem));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int semUnlink(String name) {
        try (Arena arena = Arena.ofConfined()) {
            return (int) SEM_UNLINK.invokeExact(state(), arena.allocateFrom(name));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int mqOpen(String name, int oflag, int mode, long[] attr) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment raw = MemorySegment.NULL;
            if (attr != null) {
                raw = arena.allocate(MQ_ATTR);
                putAttr(raw, attr);
            }
            return (int) MQ_OPEN.invokeExact(state(), arena.allocateFrom(name), oflag, mode,
                    raw);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int mqClose(int mqd) {
        try {
            return (int) MQ_CLOSE.invokeExact(state(), mqd);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int mqUnlink(String name) {
        try (Arena arena = Arena.ofConfined()) {
            return (int) MQ_UNLINK.invokeExact(state(), arena.allocateFrom(name));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int mqGetattr(int mqd, long[] out) {
        Scratch s = SCRATCH.get();
        MemorySegment raw = s.small.asSlice(ATTR_A, MQ_ATTR.byteSize());
        try {
            int r = (int) MQ_GETATTR.invokeExact(s.state, mqd, raw);
            getAttr(raw, out);
            return r;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int mqSetattr(int mqd, long[] in, long[] old) {
        Scratch s = SCRATCH.get();
        MemorySegment rawIn = s.small.asSlice(ATTR_A, MQ_ATTR.byteSize());
        MemorySegment rawOld = s.small.asSlice(ATTR_B, MQ_ATTR.byteSize());
        putAttr(rawIn, in);
        try {
            int r = (int) MQ_SETATTR.invokeExact(s.state, mqd, rawIn, rawOld);
            getAttr(rawOld, old);
            return r;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int mqSend(int mqd, byte[] msg, int offset, int length, int prio) {
        Scratch s = SCRATCH.get();
        MemorySegment buf = s.buffer(length);
        MemorySegment.copy(msg, offset, buf, JAVA_BYTE, 0, length);
        try {
            return (int) MQ_SEND.invokeExact(s.state, mqd, buf, (long) length, prio);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int mqTimedsend(int mqd, byte[] msg, int offset, int length, int prio,
            Instant deadline) {
        Scratch s = SCRATCH.get();
        MemorySegment buf = s.buffer(length);
        MemorySegment.copy(msg, offset, buf, JAVA_BYTE, 0, length);
        MemorySegment ts = s.timespec(deadline);
        try {
            return (int) MQ_TIMEDSEND.invokeExact(s.state, mqd, buf, (long) length, prio,
                    ts);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public long mqReceive(int mqd, byte[] buffer, int length, int[] prio) {
        Scratch s = SCRATCH.get();
        MemorySegment buf = s.buffer(length);
        try {
            long n = (long) MQ_RECEIVE.invokeExact(s.state, mqd, buf, (long) length, s.prio);
            return received(buf, n, s.prio, buffer, prio);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public long mqTimedreceive(int mqd, byte[] buffer, int length, int[] prio,
            Instant deadline) {
        Scratch s = SCRATCH.get();
        MemorySegment buf = s.buffer(length);
        MemorySegment ts = s.timespec(deadline);
        try {
            long n = (long) MQ_TIMEDRECEIVE.invokeExact(s.state, mqd, buf, (long) length,
                    s.prio, ts);
            return received(buf, n, s.prio, buffer, prio);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Les {@code n} octets reçus recopiés dans {@code dst} (seule copie vers le tas Java). */
    private static long received(MemorySegment buf, long n, MemorySegment p, byte[] dst,
            int[] prio) {
        if (n != -1) {
            MemorySegment.copy(buf, JAVA_BYTE, 0, dst, 0, (int) n);
            if (prio != null) {
                prio[0] = p.get(JAVA_INT, 0);
            }
        }
        return n;
    }

    @Override
    public int shmOpen(String name, int oflag, int mode) {
        try (Arena arena = Arena.ofConfined()) {
            return (int) SHM_OPEN.invokeExact(state(), arena.allocateFrom(name), oflag, mode);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int shmUnlink(String name) {
        try (Arena arena = Arena.ofConfined()) {
            return (int) SHM_UNLINK.invokeExact(state(), arena.allocateFrom(name));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public Region mmap(long length, int prot, int flags, int fd, long offset) {
        try {
            MemorySegment p = (MemorySegment) MMAP.invokeExact(state(), MemorySegment.NULL,
                    length, prot, flags, fd, offset);
            if (p.address() == -1L) { // MAP_FAILED
                return null;
            }
            // mmap rend une adresse sans taille : on lui donne celle de la projection,
            // et une arène partagée, fermée juste avant munmap : tout accès à la vue
            // lève alors IllegalStateException, dans n'importe quel thread.
            Arena arena = Arena.ofShared();
            return new FfmRegion(p.reinterpret(length, arena, null), arena);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int munmap(Region region) {
        FfmRegion r = (FfmRegion) region;
        r.close();
        // La vue est fermée : munmap reçoit l'adresse seule, hors de toute arène.
        MemorySegment start = MemorySegment.ofAddress(r.address());
        try {
            return (int) MUNMAP.invokeExact(state(), start, r.length());
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int ftruncate(int fd, long length) {
        try {
            return (int) FTRUNCATE.invokeExact(state(), fd, length);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int fchmod(int fd, int mode) {
        try {
            return (int) FCHMOD.invokeExact(state(), fd, mode);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int fchown(int fd, int uid, int gid) {
        try {
            return (int) FCHOWN.invokeExact(state(), fd, uid, gid);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public String libcVersion() {
        try {
            MemorySegment text = (MemorySegment) LIBC_VERSION.invokeExact();
            return text.reinterpret(Long.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public long fstatSize(int fd) {
        Scratch s = SCRATCH.get();
        MemorySegment st = s.small.asSlice(STAT, STAT_BYTES);
        try {
            int r = (int) FSTAT.invokeExact(s.state, fd, st);
            return r == -1 ? -1 : st.get(JAVA_LONG, ST_SIZE_AT);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public long read(int fd, byte[] buf) {
        Scratch s = SCRATCH.get();
        MemorySegment seg = s.buffer(buf.length);
        try {
            long n = (long) READ.invokeExact(s.state, fd, seg, (long) buf.length);
            if (n > 0) {
                MemorySegment.copy(seg, JAVA_BYTE, 0, buf, 0, (int) n);
            }
            return n;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public long write(int fd, byte[] buf) {
        Scratch s = SCRATCH.get();
        MemorySegment seg = s.buffer(buf.length);
        MemorySegment.copy(buf, 0, seg, JAVA_BYTE, 0, buf.length);
        try {
            return (long) WRITE.invokeExact(s.state, fd, seg, (long) buf.length);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public long lseek(int fd, long offset, int whence) {
        try {
            return (long) LSEEK.invokeExact(state(), fd, offset, whence);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public int close(int fd) {
        try {
            return (int) CLOSE.invokeExact(state(), fd);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public Map<String, Long> layout() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("sizeof(struct mq_attr)", MQ_ATTR.byteSize());
        for (String field : new String[] {"mq_flags", "mq_maxmsg", "mq_msgsize",
            "mq_curmsgs"}) {
            m.put("offsetof(" + field + ")", MQ_ATTR.byteOffset(groupElement(field)));
        }
        m.put("sizeof(struct timespec)", TIMESPEC.byteSize());
        m.put("sizeof(sem_t)", (long) SIZEOF_SEM_T);
        return m;
    }

    private static void putAttr(MemorySegment raw, long[] a) {
        raw.fill((byte) 0);
        for (int i = 0; i < 4; i++) {
            raw.setAtIndex(JAVA_LONG, i, a[i]);
        }
    }

    private static void getAttr(MemorySegment raw, long[] out) {
        for (int i = 0; i < 4; i++) {
            out[i] = raw.getAtIndex(JAVA_LONG, i);
        }
    }

    private static MemorySegment state() {
        return SCRATCH.get().state;
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("appel natif : " + t, t);
    }

    // ---------------------------------------------------------------------
    // Recherche des fonctions

    /**
     * La libc du processus. Depuis la glibc 2.34, librt est fusionnée dans libc
     * (mq_open, shm_open…) ; sur les systèmes plus anciens, ces fonctions ne
     * sont que dans librt, qu'on ajoute si elle existe.
     */
    private static SymbolLookup libc() {
        SymbolLookup lookup = LINKER.defaultLookup();
        try {
            return lookup.or(SymbolLookup.libraryLookup("librt.so.1", Arena.global()));
        } catch (IllegalArgumentException noLibrt) {
            return lookup;
        }
    }

    private static MemorySegment symbol(String name) {
        return LIBC.find(name).orElseThrow(() -> new UnsatisfiedLinkError(
                "liaison ffm : fonction C " + name + " introuvable dans la libc"));
    }

    /** Un appel qui ne lit pas errno. */
    private static MethodHandle plain(String name, MemoryLayout result,
            MemoryLayout... args) {
        return LINKER.downcallHandle(symbol(name), FunctionDescriptor.of(result, args));
    }

    /** Un appel qui rend -1 et pose errno : errno est capturé juste au retour. */
    private static MethodHandle errno(String name, MemoryLayout result,
            MemoryLayout... args) {
        return LINKER.downcallHandle(symbol(name), FunctionDescriptor.of(result, args),
                ERRNO);
    }

    /** Un appel immédiat qui ne lit pas errno (voir {@link #CRITICAL}). */
    private static MethodHandle critical(String name, MemoryLayout result,
            MemoryLayout... args) {
        return LINKER.downcallHandle(symbol(name), FunctionDescriptor.of(result, args),
                CRITICAL);
    }

    /** Un appel immédiat qui rend -1 et pose errno (voir {@link #CRITICAL}). */
    private static MethodHandle criticalErrno(String name, MemoryLayout result,
            MemoryLayout... args) {
        return LINKER.downcallHandle(symbol(name), FunctionDescriptor.of(result, args),
                ERRNO, CRITICAL);
    }

    /** Un appel variadique : les arguments à partir de {@code firstVariadic} sont « ... ». */
    private static MethodHandle variadic(String name, int firstVariadic, MemoryLayout result,
            MemoryLayout... args) {
        return LINKER.downcallHandle(symbol(name), FunctionDescriptor.of(result, args),
                ERRNO, Linker.Option.firstVariadicArg(firstVariadic));
    }

    /**
     * {@code fstat(fd, &st)} ; avant la glibc 2.33, {@code fstat} n'est pas un
     * symbole exporté mais une macro sur {@code __fxstat(_STAT_VER, fd, &st)}.
     */
    private static MethodHandle fstat() {
        FunctionDescriptor fd = FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS);
        Optional<MemorySegment> fstat = LIBC.find("fstat");
        if (fstat.isPresent()) {
            return LINKER.downcallHandle(fstat.get(), fd, ERRNO);
        }
        int statVer = System.getProperty("os.arch", "").equals("aarch64") ? 0 : 1;
        MethodHandle fxstat = LINKER.downcallHandle(symbol("__fxstat"),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS), ERRNO);
        // (state, ver, fd, st) → (state, fd, st) avec ver fixé.
        return java.lang.invoke.MethodHandles.insertArguments(fxstat, 1, statVer);
    }

    // ---------------------------------------------------------------------

    /** La mémoire d'échange d'un thread ; rendue au ramasse-miettes avec lui. */
    private static final class Scratch {
        final MemorySegment state;
        final MemorySegment small;
        /** Le {@code unsigned int} où mq_receive dépose la priorité. */
        final MemorySegment prio;
        private MemorySegment buffer;

        Scratch() {
            Arena arena = Arena.ofAuto();
            state = arena.allocate(CAPTURE);
            small = arena.allocate(SMALL_BYTES, 8);
            prio = small.asSlice(PRIO, 4);
            buffer = arena.allocate(256, 8);
        }

        /** {@code struct timespec} de l'échéance, dans le petit tampon. */
        MemorySegment timespec(Instant at) {
            MemorySegment ts = small.asSlice(TS, TIMESPEC.byteSize());
            ts.set(JAVA_LONG, 0, at.getEpochSecond());
            ts.set(JAVA_LONG, 8, at.getNano());
            return ts;
        }

        /**
         * Un tampon natif d'au moins {@code size} octets : celui du thread, agrandi
         * au besoin ; au-delà de {@value #KEEP_BUFFER_MAX} octets, un tampon à part,
         * que le ramasse-miettes rendra.
         */
        MemorySegment buffer(long size) {
            if (size <= buffer.byteSize()) {
                return buffer;
            }
            if (size > KEEP_BUFFER_MAX) {
                return Arena.ofAuto().allocate(size, 8);
            }
            buffer = Arena.ofAuto().allocate(size, 8);
            return buffer;
        }
    }

    /** Une zone native vue comme un {@link MemorySegment} borné. */
    private static final class FfmRegion implements Region {
        final MemorySegment segment;
        /** L'arène partagée d'une projection, fermée avant munmap ; null sinon. */
        private final Arena mapping;
        private final long address;
        private final long length;

        FfmRegion(MemorySegment segment, Arena mapping) {
            this.segment = segment;
            this.mapping = mapping;
            this.address = segment.address();
            this.length = segment.byteSize();
        }

        @Override
        public boolean refusesAccessAfterUnmap() {
            return mapping != null;
        }

        /**
         * Ferme l'arène de la projection. La JVM s'arrange avec chaque thread
         * (une « poignée de main ») pour qu'aucun ne soit au milieu d'un accès à
         * la vue quand la fermeture aboutit : après, munmap ne peut plus faire
         * tomber personne.
         */
        void close() {
            while (mapping.scope().isAlive()) {
                try {
                    mapping.close();
                } catch (IllegalStateException busy) {
                    // JDK 22 : un autre thread était au milieu d'un accès et la
                    // fermeture a échoué ; il en sort en quelques nanosecondes, on
                    // recommence. Depuis le JDK 23, close() interrompt cet accès.
                    Thread.onSpinWait();
                }
            }
        }

        @Override
        public long address() {
            return address;
        }

        @Override
        public long length() {
            return length;
        }

        @Override
        public byte getByte(long at) {
            return segment.get(JAVA_BYTE, at);
        }

        @Override
        public void putByte(long at, byte value) {
            segment.set(JAVA_BYTE, at, value);
        }

        @Override
        public int getInt(long at) {
            return segment.get(JAVA_INT_UNALIGNED, at);
        }

        @Override
        public void putInt(long at, int value) {
            segment.set(JAVA_INT_UNALIGNED, at, value);
        }

        @Override
        public long getLong(long at) {
            return segment.get(JAVA_LONG_UNALIGNED, at);
        }

        @Override
        public void putLong(long at, long value) {
            segment.set(JAVA_LONG_UNALIGNED, at, value);
        }

        @Override
        public void get(long at, byte[] dst, int from, int count) {
            MemorySegment.copy(segment, JAVA_BYTE, at, dst, from, count);
        }

        @Override
        public void put(long at, byte[] src, int from, int count) {
            MemorySegment.copy(src, from, segment, JAVA_BYTE, at, count);
        }
    }
}
