package fr.progsys.posix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import jnr.constants.platform.Errno;
import jnr.constants.platform.Sysconf;

/**
 * Une file de messages POSIX ({@code <mqueue.h>}) : un objet du noyau, désigné
 * par un nom externe (« /demo ») et ouvert par {@link #open} qui rend un
 * descripteur ({@code mqd_t}, un int sous Linux).
 *
 * <p>Les méthodes portent le nom des fonctions C : {@code mq_open},
 * {@code mq_send}, {@code mq_receive}, {@code mq_getattr}, {@code mq_setattr},
 * {@code mq_close}, {@code mq_unlink}. Un {@code -1} rendu par le C devient une
 * {@link PosixException} qui porte le nom de errno (EEXIST, EAGAIN,
 * EMSGSIZE…).
 *
 * <p><b>Blocage.</b> {@link #send} sur une file pleine et {@link #receive} sur
 * une file vide bloquent dans le noyau (sauf avec O_NONBLOCK : EAGAIN). Un
 * thread bloqué là ne réagit pas à {@link Thread#interrupt()} ; pour ne pas
 * attendre indéfiniment, utiliser {@link #timedSend} et {@link #timedReceive}
 * ({@code mq_timedsend}, {@code mq_timedreceive}).
 *
 * <p>Utiliser la file après {@link #close()} lève {@link IllegalStateException} ;
 * fermer deux fois est sans effet. Si un autre thread est encore bloqué dans
 * un appel, le vrai {@code mq_close} attend son retour.
 */
public final class MessageQueue implements AutoCloseable {

    private static final String WHAT = "les files de messages POSIX";

    /** Au-delà, le tampon de réception d'un thread n'est pas gardé. */
    private static final int KEEP_BUFFER_MAX = 1 << 16;
    private static final ThreadLocal<byte[]> RECEIVE_BUFFER = new ThreadLocal<>();

    private final String name;
    private final int mqd;
    private final Guard guard;
    /** mq_msgsize, fixé à la création de la file : lu une fois, au premier besoin. */
    private volatile long messageSize = -1;

    private MessageQueue(String name, int mqd) {
        this.name = name;
        this.mqd = mqd;
        this.guard = new Guard("file de messages " + name, () -> {
            if (Binding.get().mqClose(mqd) == -1) {
                throw PosixException.last("mq_close(" + mqd + ")");
            }
        });
    }

    /**
     * {@code mq_open(name, oflag)} : ouvre une file existante.
     *
     * @param oflag O_RDONLY, O_WRONLY ou O_RDWR, éventuellement | O_NONBLOCK
     */
    public static MessageQueue open(String name, int oflag) {
        if ((oflag & OpenFlags.O_CREAT) != 0) {
            throw new IllegalArgumentException(
                    "avec O_CREAT, donner aussi le mode et les attributs");
        }
        return doOpen(name, oflag, 0, null);
    }

    /**
     * {@code mq_open(name, oflag, mode, &attr)} : crée la file si elle n'existe pas
     * (O_CREAT), ou échoue avec EEXIST si elle existe et que O_EXCL est donné.
     *
     * @param mode droits en octal, par exemple {@code 0600}
     * @param attr {@code mq_maxmsg} et {@code mq_msgsize} de la nouvelle file ;
     *        {@code null} pour les valeurs par défaut du système
     */
    public static MessageQueue open(String name, int oflag, int mode, Attributes attr) {
        Mode.check(mode);
        if (attr != null) {
            Limits limits = limits();
            checkRange("mq_maxmsg", attr.maxMessages(), limits.msgMax(),
                    "/proc/sys/fs/mqueue/msg_max");
            checkRange("mq_msgsize", attr.messageSize(), limits.msgsizeMax(),
                    "/proc/sys/fs/mqueue/msgsize_max");
        }
        return doOpen(name, oflag, mode, attr);
    }

    private static MessageQueue doOpen(String name, int oflag, int mode, Attributes attr) {
        Platform.requireLinux(WHAT);
        IpcName.check(name, true);
        long[] raw = attr == null ? null
                : new long[] {0, attr.maxMessages(), attr.messageSize(), 0};
        int mqd = Binding.get().mqOpen(name, oflag, mode, raw);
        if (mqd == -1) {
            String call = "mq_open(\"" + name + "\", " + OpenFlags.toString(oflag)
                    + ((oflag & OpenFlags.O_CREAT) != 0
                            ? ", " + Mode.toString(mode) + ", " + (attr == null ? "NULL" : attr)
                            : "")
                    + ")";
            throw PosixException.last(call);
        }
        return new MessageQueue(name, mqd);
    }

    private static void checkRange(String field, long value, long max, String where) {
        if (value <= 0 || value > max) {
            throw new IllegalArgumentException(field + " = " + value
                    + " : doit être entre 1 et " + max + " (" + where + ")");
        }
    }

    /**
     * {@code mq_unlink(name)}, sans erreur si le nom n'existe pas (ENOENT).
     *
     * @return vrai si un nom a été retiré
     */
    public static boolean unlinkIfExists(String name) {
        return IpcName.unlinkIfExists(() -> unlink(name));
    }

    /** {@code mq_unlink(name)} : retire le nom ; les descripteurs ouverts restent valides. */
    public static void unlink(String name) {
        Platform.requireLinux(WHAT);
        IpcName.check(name, true);
        if (Binding.get().mqUnlink(name) == -1) {
            throw PosixException.last("mq_unlink(\"" + name + "\")");
        }
    }

    /** Le nom externe donné à l'ouverture. */
    public String name() {
        return name;
    }

    /** Le descripteur ({@code mqd_t}) rendu par {@code mq_open}. */
    public int descriptor() {
        return mqd;
    }

    /** Vrai tant que {@link #close()} n'a pas été appelé. */
    public boolean isOpen() {
        return guard.isOpen();
    }

    /**
     * {@code mq_send} : dépose le message avec sa priorité. Bloque si la file est
     * pleine (EAGAIN avec O_NONBLOCK) ; EMSGSIZE s'il dépasse {@code mq_msgsize}.
     *
     * @param priority de 0 à {@link #priorityMax()} − 1 (EINVAL au-delà)
     */
    public void send(byte[] message, int priority) {
        send(message, 0, message.length, priority);
    }

    /**
     * {@code mq_send(mqd, message + offset, length, priority)} : comme
     * {@link #send(byte[], int)}, pour les {@code length} octets de
     * {@code message} qui commencent à {@code offset} ; rien n'est alloué.
     */
    public void send(byte[] message, int offset, int length, int priority) {
        Objects.checkFromIndexSize(offset, length, message.length);
        checkPriority(priority);
        // Sans lambda sur ce chemin (comme receive(byte[], int[])) : rien à allouer.
        guard.enter();
        try {
            while (Binding.get().mqSend(mqd, message, offset, length, priority) == -1) {
                int errno = Binding.lastErrno();
                if (!Binding.is(errno, Errno.EINTR)) { // EINTR : un signal, on recommence
                    throw new PosixException(sendCall("mq_send", length, priority), errno);
                }
            }
        } finally {
            guard.exit();
        }
    }

    /** {@link #send(byte[], int)} d'un texte encodé en UTF-8 (sans NUL final). */
    public void send(String message, int priority) {
        send(message.getBytes(StandardCharsets.UTF_8), priority);
    }

    /**
     * {@code mq_timedsend} : comme {@link #send(byte[], int)}, mais n'attend pas
     * plus de {@code timeout} une place libre.
     *
     * @return faux si le délai a expiré (ETIMEDOUT) sans que le message parte
     */
    public boolean timedSend(byte[] message, int priority, Duration timeout) {
        checkPriority(priority);
        Instant at = Binding.deadline(timeout);
        int errno = guard.call(() -> Binding.retryOnEintr(() -> Binding.get()
                .mqTimedsend(mqd, message, 0, message.length, priority, at) != -1));
        if (errno == 0) {
            return true;
        }
        if (Binding.is(errno, Errno.ETIMEDOUT)) {
            return false;
        }
        throw new PosixException(sendCall("mq_timedsend", message.length, priority), errno);
    }

    /** {@link #timedSend(byte[], int, Duration)} d'un texte UTF-8. */
    public boolean timedSend(String message, int priority, Duration timeout) {
        return timedSend(message.getBytes(StandardCharsets.UTF_8), priority, timeout);
    }

    /**
     * {@code mq_receive} avec un tampon de {@code mq_msgsize} octets : retire le
     * plus ancien message de plus haute priorité. Bloque si la file est vide
     * (EAGAIN avec O_NONBLOCK).
     */
    public Message receive() {
        return receive(messageSize());
    }

    private int messageSize() {
        if (messageSize < 0) {
            messageSize = getAttributes().messageSize();
        }
        return Math.toIntExact(messageSize);
    }

    /**
     * {@code mq_receive} avec un tampon de {@code bufferSize} octets. Le tampon
     * doit faire au moins {@code mq_msgsize} : sinon EMSGSIZE, quelle que soit
     * la taille du message lui-même.
     *
     * <p>Chaque appel rend un nouveau {@link Message}, à la taille exacte du
     * message ; pour recevoir sans rien allouer, {@link #receive(byte[], int[])}.
     */
    public Message receive(int bufferSize) {
        checkBuffer(bufferSize);
        byte[] buffer = receiveBuffer(bufferSize);
        int[] prio = new int[1];
        int n = receive(buffer, bufferSize, prio, "mq_receive");
        return new Message(Arrays.copyOf(buffer, n), prio[0]);
    }

    /**
     * {@code n = mq_receive(mqd, buffer, buffer.length, &prio)} : retire le plus
     * ancien message de plus haute priorité et l'écrit dans {@code buffer}, de
     * l'indice 0 à {@code n} exclu ; les octets suivants ne sont pas touchés.
     * Bloque si la file est vide (EAGAIN avec O_NONBLOCK). Rien n'est alloué :
     * c'est la forme à préférer dans une boucle de réception.
     *
     * <p>Comme en C, le tampon doit pouvoir contenir <em>n'importe quel</em>
     * message de la file : si {@code buffer.length} est inférieur à
     * {@code mq_msgsize} ({@link #getAttributes()}), l'appel échoue avec
     * EMSGSIZE, même si le message en attente est plus court, et le message
     * reste dans la file.
     *
     * @param buffer le tampon de réception, d'au moins {@code mq_msgsize} octets
     * @param priority si non {@code null}, {@code priority[0]} reçoit la priorité
     *        du message (le {@code msg_prio} du C ; {@code null} comme NULL)
     * @return {@code n}, la longueur du message reçu
     */
    public int receive(byte[] buffer, int[] priority) {
        if (priority != null && priority.length == 0) {
            throw new IllegalArgumentException(
                    "priority doit avoir une case (priority[0]), ou valoir null");
        }
        checkBuffer(buffer.length);
        return receive(buffer, buffer.length, priority, "mq_receive");
    }

    /**
     * {@code mq_receive}, relancé après EINTR (un signal a interrompu l'attente) ;
     * sans lambda ni tableau de résultat : rien n'est alloué.
     */
    private int receive(byte[] buffer, int length, int[] prio, String fn) {
        guard.enter();
        try {
            long n;
            while ((n = Binding.get().mqReceive(mqd, buffer, length, prio)) == -1) {
                int errno = Binding.lastErrno();
                if (!Binding.is(errno, Errno.EINTR)) {
                    throw new PosixException(receiveCall(fn, length), errno);
                }
            }
            return (int) n;
        } finally {
            guard.exit();
        }
    }

    /**
     * {@code mq_timedreceive} : comme {@link #receive()}, mais n'attend pas plus
     * de {@code timeout} qu'un message arrive.
     *
     * @return le message, ou vide si le délai a expiré (ETIMEDOUT)
     */
    public Optional<Message> timedReceive(Duration timeout) {
        int bufferSize = messageSize();
        byte[] buffer = receiveBuffer(bufferSize);
        int[] prio = new int[1];
        Instant at = Binding.deadline(timeout);
        long[] n = new long[1];
        int errno = guard.call(() -> Binding.retryOnEintr(() -> (n[0] = Binding.get()
                .mqTimedreceive(mqd, buffer, bufferSize, prio, at)) != -1));
        if (errno == 0) {
            return Optional.of(new Message(Arrays.copyOf(buffer, (int) n[0]), prio[0]));
        }
        if (Binding.is(errno, Errno.ETIMEDOUT)) {
            return Optional.empty();
        }
        throw new PosixException(receiveCall("mq_timedreceive", bufferSize), errno);
    }

    /**
     * Le tampon de réception du thread pour les {@link Message} : au moins
     * {@code size} octets, gardé d'un appel à l'autre (jusqu'à
     * {@value #KEEP_BUFFER_MAX} octets) ; seul le message, à sa taille exacte,
     * est alloué à chaque réception.
     */
    private static byte[] receiveBuffer(int size) {
        byte[] b = RECEIVE_BUFFER.get();
        if (b != null && b.length >= size) {
            return b;
        }
        b = new byte[size];
        if (size <= KEEP_BUFFER_MAX) {
            RECEIVE_BUFFER.set(b);
        }
        return b;
    }

    /** {@code mq_getattr} : les attributs courants, dont le nombre de messages présents. */
    public Attributes getAttributes() {
        long[] raw = new long[4];
        guard.syscall(() -> Binding.get().mqGetattr(mqd, raw),
                () -> "mq_getattr(" + mqd + ", &attr)");
        return Attributes.of(raw);
    }

    /**
     * {@code mq_setattr(mqd, &newattr, &oldattr)}. Seul {@code mq_flags}
     * (O_NONBLOCK ou 0) est pris en compte : le noyau ignore les autres champs.
     *
     * @return les anciens attributs
     */
    public Attributes setAttributes(Attributes newAttr) {
        long[] in = {newAttr.flags(), newAttr.maxMessages(), newAttr.messageSize(),
            newAttr.currentMessages()};
        long[] old = new long[4];
        guard.syscall(() -> Binding.get().mqSetattr(mqd, in, old),
                () -> "mq_setattr(" + mqd + ", " + newAttr + ", &old)");
        return Attributes.of(old);
    }

    /** Passe la file en mode non bloquant ou bloquant ({@code mq_setattr} sur O_NONBLOCK). */
    public Attributes setNonBlocking(boolean nonBlocking) {
        Attributes now = getAttributes();
        return setAttributes(new Attributes(nonBlocking ? OpenFlags.O_NONBLOCK : 0,
                now.maxMessages(), now.messageSize(), now.currentMessages()));
    }

    /** {@code mq_close} : ferme ce descripteur ; la file et son nom restent. */
    @Override
    public void close() {
        guard.close();
    }

    @Override
    public String toString() {
        return "MessageQueue[" + name + ", mqd=" + mqd + (isOpen() ? "" : ", fermée") + "]";
    }

    /** {@code sysconf(_SC_MQ_PRIO_MAX)} : les priorités vont de 0 à cette valeur − 1. */
    public static int priorityMax() {
        Platform.requireLinux(WHAT);
        long max = Binding.get().sysconf(Sysconf._SC_MQ_PRIO_MAX.intValue());
        if (max == -1) {
            throw PosixException.last("sysconf(_SC_MQ_PRIO_MAX)");
        }
        return (int) Math.min(Integer.MAX_VALUE, max);
    }

    /** Les limites du système, lues dans {@code /proc/sys/fs/mqueue}. */
    public static Limits limits() {
        Platform.requireLinux(WHAT);
        return new Limits(proc("msg_max"), proc("msgsize_max"), proc("msg_default"),
                proc("msgsize_default"), proc("queues_max"));
    }

    private static long proc(String file) {
        try {
            // Files.readString se fie à la taille annoncée, fausse pour /proc : on lit le flux.
            try (var in = Files.newInputStream(Path.of("/proc/sys/fs/mqueue", file))) {
                return Long.parseLong(new String(in.readAllBytes(),
                        StandardCharsets.US_ASCII).trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkPriority(int priority) {
        if (priority < 0) {
            throw new IllegalArgumentException("priorité négative : " + priority
                    + " (unsigned int en C, de 0 à MQ_PRIO_MAX − 1)");
        }
    }

    private static void checkBuffer(int bufferSize) {
        if (bufferSize <= 0) {
            throw new IllegalArgumentException("taille de tampon ≤ 0 : " + bufferSize);
        }
    }

    private String sendCall(String fn, int length, int priority) {
        return fn + "(" + mqd + " [" + name + "], msg, " + length + ", " + priority
                + (fn.contains("timed") ? ", &abstime)" : ")");
    }

    private String receiveCall(String fn, int bufferSize) {
        return fn + "(" + mqd + " [" + name + "], buf, " + bufferSize + ", &prio"
                + (fn.contains("timed") ? ", &abstime)" : ")");
    }

    /**
     * {@code struct mq_attr} : {@code mq_flags} (0 ou O_NONBLOCK),
     * {@code mq_maxmsg}, {@code mq_msgsize}, {@code mq_curmsgs}.
     */
    public record Attributes(long flags, long maxMessages, long messageSize,
            long currentMessages) {

        /** Les attributs d'une nouvelle file : au plus {@code maxMessages} de {@code messageSize} octets. */
        public static Attributes of(long maxMessages, long messageSize) {
            return new Attributes(0, maxMessages, messageSize, 0);
        }

        /** Depuis {mq_flags, mq_maxmsg, mq_msgsize, mq_curmsgs}. */
        static Attributes of(long[] raw) {
            return new Attributes(raw[0], raw[1], raw[2], raw[3]);
        }

        /** Vrai si {@code mq_flags} contient O_NONBLOCK. */
        public boolean nonBlocking() {
            return (flags & OpenFlags.O_NONBLOCK) != 0;
        }

        @Override
        public String toString() {
            return "{mq_flags=" + (nonBlocking() ? "O_NONBLOCK" : "0") + ", mq_maxmsg="
                    + maxMessages + ", mq_msgsize=" + messageSize + ", mq_curmsgs="
                    + currentMessages + "}";
        }
    }

    /** Un message reçu et sa priorité. */
    public record Message(byte[] data, int priority) {

        /** Le contenu lu comme du texte UTF-8. */
        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Message m && m.priority == priority
                    && Arrays.equals(m.data, data);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(data) + priority;
        }

        @Override
        public String toString() {
            return "Message[" + text() + ", prio=" + priority + "]";
        }
    }

    /**
     * Les limites du noyau ({@code /proc/sys/fs/mqueue}) : {@code msg_max} et
     * {@code msgsize_max} bornent les attributs d'une nouvelle file,
     * {@code msg_default} et {@code msgsize_default} s'appliquent quand on
     * n'en donne pas, {@code queues_max} borne le nombre de files.
     */
    public record Limits(long msgMax, long msgsizeMax, long msgDefault, long msgsizeDefault,
            long queuesMax) {
    }
}
