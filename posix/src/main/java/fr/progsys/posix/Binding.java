package fr.progsys.posix;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

import jnr.constants.platform.Errno;

/**
 * Les appels natifs dont les classes publiques ont besoin, une méthode par
 * fonction C, avec la convention du C : un {@code int} (ou {@code long}) qui
 * vaut {@code -1} en cas d'échec, et {@link #errno()} lu aussitôt après, dans le
 * même thread. Les pointeurs ({@code sem_t *}) sont des adresses {@code long} ;
 * la mémoire native (projection, {@code sem_t} alloué) est une {@link Region}.
 *
 * <p>Deux réalisations : {@link JnrBinding} (jnr-ffi et jnr-posix, JDK 17 et
 * plus) et {@code FfmBinding} ({@code java.lang.foreign}, JDK 22 et plus,
 * compilée à part dans {@code src/main/java22} et chargée par son nom). Le
 * choix se fait une fois par JVM : {@value Posix#BINDING_PROPERTY} ou la
 * variable d'environnement {@value Posix#BINDING_ENV} ({@code jnr} ou
 * {@code ffm}) l'imposent ; sinon FFM dès que la JVM l'a, jnr avant.
 */
interface Binding {

    /** Taille de {@code sem_t} sur Linux x86_64 et aarch64 (glibc : __SIZEOF_SEM_T). */
    int SIZEOF_SEM_T = 32;

    /** {@code "jnr"} ou {@code "ffm"}. */
    String name();

    /** Le errno laissé par le dernier appel de cette liaison dans ce thread. */
    int errno();

    String strerror(int errnum);

    // <unistd.h>
    long getpid();

    long getppid();

    long gettid();

    int getuid();

    int getgid();

    long sysconf(int name);

    // <semaphore.h>
    /** Mémoire native pour un {@code sem_t} (ou autre), libérée avec l'objet rendu. */
    Region allocate(long size);

    int semInit(long sem, int pshared, int value);

    int semDestroy(long sem);

    int semWait(long sem);

    int semTrywait(long sem);

    int semTimedwait(long sem, Instant deadline);

    int semPost(long sem);

    /** {@code sem_getvalue} : la valeur dans {@code sval[0]}. */
    int semGetvalue(long sem, int[] sval);

    /** {@code sem_open} : l'adresse du {@code sem_t}, 0 pour SEM_FAILED. */
    long semOpen(String name, int oflag, int mode, int value);

    int semClose(long sem);

    int semUnlink(String name);

    // <mqueue.h>
    /**
     * {@code mq_open(name, oflag, mode, attr)} ; {@code attr} vaut {@code null}
     * (NULL) ou {mq_flags, mq_maxmsg, mq_msgsize, mq_curmsgs}.
     */
    int mqOpen(String name, int oflag, int mode, long[] attr);

    int mqClose(int mqd);

    int mqUnlink(String name);

    /** {@code mq_getattr} : les quatre champs de {@code struct mq_attr} dans {@code out}. */
    int mqGetattr(int mqd, long[] out);

    int mqSetattr(int mqd, long[] in, long[] old);

    /** {@code mq_send(mqd, msg + offset, length, prio)}. */
    int mqSend(int mqd, byte[] msg, int offset, int length, int prio);

    int mqTimedsend(int mqd, byte[] msg, int offset, int length, int prio, Instant deadline);

    /**
     * {@code mq_receive(mqd, buf, length, &prio)} : le message dans
     * {@code buffer[0, n)}, sa priorité dans {@code prio[0]} (sauf si {@code prio}
     * vaut {@code null}, le NULL du C) ; rend {@code n}, ou
     * -1. Les octets de {@code buffer} au-delà de {@code n} ne sont pas touchés.
     * Sans allocation : le noyau écrit dans un tampon natif du thread, puis
     * seuls les {@code n} octets reçus sont recopiés.
     */
    long mqReceive(int mqd, byte[] buffer, int length, int[] prio);

    long mqTimedreceive(int mqd, byte[] buffer, int length, int[] prio, Instant deadline);

    // <sys/mman.h>, <unistd.h>, <sys/stat.h>
    int shmOpen(String name, int oflag, int mode);

    int shmUnlink(String name);

    /** {@code mmap(NULL, length, prot, flags, fd, offset)}, ou {@code null} pour MAP_FAILED. */
    Region mmap(long length, int prot, int flags, int fd, long offset);

    int munmap(Region region);

    int ftruncate(int fd, long length);

    int fchmod(int fd, int mode);

    int fchown(int fd, int uid, int gid);

    /** {@code gnu_get_libc_version()}, par exemple « 2.36 ». */
    String libcVersion();

    /** {@code fstat(fd, &st)} : {@code st_size}, ou -1. */
    long fstatSize(int fd);

    long read(int fd, byte[] buf);

    long write(int fd, byte[] buf);

    long lseek(int fd, long offset, int whence);

    int close(int fd);

    /**
     * Les tailles et positions que la liaison suppose, sous les clés du
     * programme C de test ({@code sizeof(struct mq_attr)}, …).
     */
    Map<String, Long> layout();

    /**
     * Une zone de mémoire native vue octet par octet, dans l'ordre des octets de
     * la machine. La vue vérifie elle-même chaque position (les bornes d'un
     * {@code ByteBuffer} ou d'un {@code MemorySegment}) : hors de la zone,
     * {@link IndexOutOfBoundsException}, jamais un accès à côté.
     */
    interface Region {

        long address();

        /**
         * Vrai si la vue refuse d'elle-même tout accès dès le {@link #munmap} : un
         * {@code MemorySegment} d'une arène partagée (FFM), dont la fermeture
         * attend qu'aucun thread ne soit au milieu d'un accès, puis fait lever
         * {@link IllegalStateException} à tous les suivants. Faux pour un
         * {@code ByteBuffer} direct (jnr) : après munmap, il lirait une adresse qui
         * n'est plus projetée (SIGSEGV, la JVM tombe) ; l'appelant doit alors
         * compter les accès en cours et différer munmap ({@link Guard}).
         */
        boolean refusesAccessAfterUnmap();

        long length();

        byte getByte(long at);

        void putByte(long at, byte value);

        int getInt(long at);

        void putInt(long at, int value);

        long getLong(long at);

        void putLong(long at, long value);

        void get(long at, byte[] dst, int from, int count);

        void put(long at, byte[] src, int from, int count);
    }

    // ---------------------------------------------------------------------
    // Choix de la liaison et petits outils communs

    /** La liaison de cette JVM (Linux seulement). */
    static Binding get() {
        if (!Os.LINUX) {
            Platform.requireLinux("les appels POSIX de ce cours");
        }
        Binding b = Holder.BINDING;
        if (b == null) {
            // Le choix a échoué (liaison inconnue, ffm sur un JDK < 22…) : la même
            // erreur claire à chaque appel, jamais un ExceptionInInitializerError.
            throw Holder.FAILURE;
        }
        return b;
    }

    /** Le nom de la liaison qui sera (ou est) utilisée, sans la charger. */
    static String chosenName() {
        String forced = forced();
        if (forced != null) {
            return forced;
        }
        String arch = System.getProperty("os.arch", "");
        boolean lp64 = arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64");
        return Runtime.version().feature() >= 22 && lp64 && ffmCompiled() ? "ffm" : "jnr";
    }

    /**
     * Relance {@code attempt} tant qu'il échoue avec EINTR (un signal a
     * interrompu l'appel bloquant, signal(7) : on recommence, comme le ferait
     * SA_RESTART). {@code attempt} rend vrai s'il a réussi.
     *
     * @return 0 si l'appel a réussi, sinon le errno de l'échec (jamais EINTR)
     */
    static int retryOnEintr(BooleanSupplier attempt) {
        while (!attempt.getAsBoolean()) {
            int errno = lastErrno();
            if (errno != Errno.EINTR.intValue()) {
                return errno;
            }
        }
        return 0;
    }

    /** errno vaut {@code name} (par exemple EAGAIN, ETIMEDOUT). */
    static boolean is(int errno, Errno name) {
        return errno == name.intValue();
    }

    /** Le errno courant de la liaison. */
    static int lastErrno() {
        return get().errno();
    }

    /**
     * L'échéance absolue (horloge CLOCK_REALTIME, comme l'exigent mq_timedsend,
     * mq_timedreceive et sem_timedwait) dans {@code timeout} à partir de maintenant.
     */
    static Instant deadline(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("délai négatif : " + timeout);
        }
        Duration capped = timeout.compareTo(Os.MAX_TIMEOUT) > 0 ? Os.MAX_TIMEOUT : timeout;
        return Instant.now().plus(capped);
    }

    private static String forced() {
        String value = System.getProperty(Posix.BINDING_PROPERTY);
        String source = "-D" + Posix.BINDING_PROPERTY;
        if (value == null || value.isBlank()) {
            value = System.getenv(Posix.BINDING_ENV);
            source = "la variable d'environnement " + Posix.BINDING_ENV;
        }
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "jnr":
            case "ffm":
                return v;
            case "auto":
                return null;
            default:
                throw new IllegalArgumentException(source + "=" + value
                        + " : liaison inconnue ; valeurs possibles : jnr, ffm ou auto");
        }
    }

    private static boolean ffmCompiled() {
        return Binding.class.getClassLoader()
                .getResource("fr/progsys/posix/FfmBinding.class") != null;
    }

    private static Binding load() {
        String name = chosenName();
        if (name.equals("jnr")) {
            return new JnrBinding();
        }
        int feature = Runtime.version().feature();
        if (feature < 22) {
            throw new UnsupportedOperationException("liaison ffm demandée ("
                    + Posix.BINDING_PROPERTY + "=ffm), mais cette JVM est un JDK " + feature
                    + " : l'API java.lang.foreign (FFM) n'est finale qu'à partir du JDK 22."
                    + " Lancer avec un JDK 22 ou plus, ou choisir la liaison jnr.");
        }
        if (!ffmCompiled()) {
            throw new UnsupportedOperationException("liaison ffm demandée, mais le module"
                    + " posix a été compilé sans elle (compilation par un JDK < 22) :"
                    + " recompiler avec un JDK 22 ou plus, ou choisir la liaison jnr.");
        }
        try {
            return (Binding) Class.forName("fr.progsys.posix.FfmBinding")
                    .getDeclaredConstructor().newInstance();
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("liaison ffm : chargement impossible ("
                    + e.getCause() + ")", e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("liaison ffm : chargement impossible (" + e + ")",
                    e);
        }
    }

    /** Initialisation paresseuse et unique (idiome du « holder »). */
    final class Holder {
        static final Binding BINDING;
        static final RuntimeException FAILURE;

        static {
            Binding b = null;
            RuntimeException failure = null;
            try {
                b = load();
            } catch (RuntimeException e) {
                failure = e;
            }
            BINDING = b;
            FAILURE = failure;
        }

        private Holder() {
        }
    }

    /** Ce qui ne dépend pas de la liaison, calculé une fois. */
    final class Os {
        static final boolean LINUX = Platform.isLinux();
        static final Duration MAX_TIMEOUT = Duration.ofDays(365L * 100);

        private Os() {
        }
    }
}
