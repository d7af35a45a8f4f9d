package fr.progsys.posix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.kenai.jffi.MemoryIO;

import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Struct;
import jnr.posix.FileStat;

/**
 * La liaison par jnr-ffi et jnr-posix (JNI), pour tous les JDK depuis le 17.
 * Les signatures C sont dans {@link Native.LibC}.
 */
final class JnrBinding implements Binding {

    /** Au-delà, un tampon d'échange n'est pas gardé pour le prochain appel. */
    private static final int KEEP_BUFFER_MAX = 1 << 16;

    /** Le tampon d'échange natif de chaque thread, réutilisé d'un appel à l'autre. */
    private final ThreadLocal<Exchange> exchange = new ThreadLocal<>();

    private final Native.LibC libc = Native.libc();

    @Override
    public String name() {
        return "jnr";
    }

    @Override
    public int errno() {
        return Native.runtime().getLastError();
    }

    @Override
    public String strerror(int errnum) {
        return libc.strerror(errnum);
    }

    @Override
    public long getpid() {
        return Native.posix().getpid();
    }

    @Override
    public long getppid() {
        return Native.posix().getppid();
    }

    @Override
    public long gettid() {
        return libc.gettid();
    }

    @Override
    public int getuid() {
        return Native.posix().getuid();
    }

    @Override
    public int getgid() {
        return Native.posix().getgid();
    }

    @Override
    public long sysconf(int name) {
        return libc.sysconf(name);
    }

    @Override
    public Region allocate(long size) {
        JnrRegion.checkLength(size);
        return new JnrRegion(Memory.allocateDirect(Native.runtime(), Math.toIntExact(size),
                true), size);
    }

    @Override
    public int semInit(long sem, int pshared, int value) {
        return libc.sem_init(sem, pshared, value);
    }

    @Override
    public int semDestroy(long sem) {
        return libc.sem_destroy(sem);
    }

    @Override
    public int semWait(long sem) {
        return libc.sem_wait(sem);
    }

    @Override
    public int semTrywait(long sem) {
        return libc.sem_trywait(sem);
    }

    @Override
    public int semTimedwait(long sem, Instant deadline) {
        return libc.sem_timedwait(sem, timespec(deadline));
    }

    @Override
    public int semPost(long sem) {
        return libc.sem_post(sem);
    }

    @Override
    public int semGetvalue(long sem, int[] sval) {
        return libc.sem_getvalue(sem, sval);
    }

    @Override
    public long semOpen(String name, int oflag, int mode, int value) {
        return libc.sem_open(name, oflag, mode, value);
    }

    @Override
    public int semClose(long sem) {
        return libc.sem_close(sem);
    }

    @Override
    public int semUnlink(String name) {
        return libc.sem_unlink(name);
    }

    @Override
    public int mqOpen(String name, int oflag, int mode, long[] attr) {
        Native.MqAttr raw = attr == null ? null : mqAttr(attr);
        return libc.mq_open(name, oflag, mode, raw == null ? null : Struct.getMemory(raw));
    }

    @Override
    public int mqClose(int mqd) {
        return libc.mq_close(mqd);
    }

    @Override
    public int mqUnlink(String name) {
        return libc.mq_unlink(name);
    }

    @Override
    public int mqGetattr(int mqd, long[] out) {
        Native.MqAttr raw = new Native.MqAttr(Native.runtime());
        int r = libc.mq_getattr(mqd, raw);
        copy(raw, out);
        return r;
    }

    @Override
    public int mqSetattr(int mqd, long[] in, long[] old) {
        Native.MqAttr oldRaw = new Native.MqAttr(Native.runtime());
        int r = libc.mq_setattr(mqd, mqAttr(in), oldRaw);
        copy(oldRaw, old);
        return r;
    }

    @Override
    public int mqSend(int mqd, byte[] msg, int offset, int length, int prio) {
        Exchange x = exchange(length);
        x.buffer.put(Exchange.MESSAGE, msg, offset, length);
        return libc.mq_send(mqd, x.message(), length, prio);
    }

    @Override
    public int mqTimedsend(int mqd, byte[] msg, int offset, int length, int prio,
            Instant deadline) {
        Exchange x = exchange(length);
        x.buffer.put(Exchange.MESSAGE, msg, offset, length);
        return libc.mq_timedsend(mqd, x.message(), length, prio, timespec(deadline));
    }

    @Override
    public long mqReceive(int mqd, byte[] buffer, int length, int[] prio) {
        Exchange x = exchange(length);
        return x.received(libc.mq_receive(mqd, x.message(), length, x.address), buffer, prio);
    }

    @Override
    public long mqTimedreceive(int mqd, byte[] buffer, int length, int[] prio,
            Instant deadline) {
        Exchange x = exchange(length);
        return x.received(libc.mq_timedreceive(mqd, x.message(), length, x.address,
                timespec(deadline)), buffer, prio);
    }

    /**
     * Le tampon d'échange du thread, avec la place d'un message de {@code size}
     * octets : celui du thread, agrandi au besoin ; au-delà de
     * {@value #KEEP_BUFFER_MAX} octets, un tampon à part, que le ramasse-miettes
     * rendra.
     */
    private Exchange exchange(int size) {
        Exchange x = exchange.get();
        if (x != null && x.capacity() >= size) {
            return x;
        }
        Exchange bigger = new Exchange(Math.max(size, 256));
        if (size <= KEEP_BUFFER_MAX) {
            exchange.set(bigger);
        }
        return bigger;
    }

    @Override
    public int shmOpen(String name, int oflag, int mode) {
        return libc.shm_open(name, oflag, mode);
    }

    @Override
    public int shmUnlink(String name) {
        return libc.shm_unlink(name);
    }

    @Override
    public Region mmap(long length, int prot, int flags, int fd, long offset) {
        JnrRegion.checkLength(length);
        Pointer p = libc.mmap(null, length, prot, flags, fd, offset);
        if (p == null || p.address() == -1L) {
            return null;
        }
        return new JnrRegion(p, length);
    }

    @Override
    public int munmap(Region region) {
        return libc.munmap(((JnrRegion) region).owner, region.length());
    }

    @Override
    public int ftruncate(int fd, long length) {
        return libc.ftruncate(fd, length);
    }

    @Override
    public int fchmod(int fd, int mode) {
        return Native.posix().fchmod(fd, mode);
    }

    @Override
    public int fchown(int fd, int uid, int gid) {
        return Native.posix().fchown(fd, uid, gid);
    }

    @Override
    public String libcVersion() {
        return libc.gnu_get_libc_version();
    }

    @Override
    public long fstatSize(int fd) {
        FileStat st = Native.posix().allocateStat();
        if (Native.posix().fstat(fd, st) == -1) {
            return -1;
        }
        return st.st_size();
    }

    @Override
    public long read(int fd, byte[] buf) {
        // jnr recopie dans un tableau @Out tout son tampon natif temporaire, non
        // initialisé : les octets au-delà de ceux lus seraient écrasés par du
        // contenu quelconque. read(2) n'y touche pas ; on ne recopie donc que n octets.
        byte[] tmp = new byte[buf.length];
        long n = libc.read(fd, tmp, tmp.length);
        if (n > 0) {
            System.arraycopy(tmp, 0, buf, 0, (int) n);
        }
        return n;
    }

    @Override
    public long write(int fd, byte[] buf) {
        return libc.write(fd, buf, buf.length);
    }

    @Override
    public long lseek(int fd, long offset, int whence) {
        return libc.lseek(fd, offset, whence);
    }

    @Override
    public int close(int fd) {
        return libc.close(fd);
    }

    @Override
    public Map<String, Long> layout() {
        Native.MqAttr attr = new Native.MqAttr(Native.runtime());
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("sizeof(struct mq_attr)", (long) Struct.size(attr));
        m.put("offsetof(mq_flags)", attr.mq_flags.offset());
        m.put("offsetof(mq_maxmsg)", attr.mq_maxmsg.offset());
        m.put("offsetof(mq_msgsize)", attr.mq_msgsize.offset());
        m.put("offsetof(mq_curmsgs)", attr.mq_curmsgs.offset());
        m.put("sizeof(struct timespec)",
                (long) Struct.size(new Native.Timespec(Native.runtime())));
        m.put("sizeof(sem_t)", (long) Native.SIZEOF_SEM_T);
        return m;
    }

    private static Native.Timespec timespec(Instant at) {
        Native.Timespec ts = new Native.Timespec(Native.runtime());
        ts.tv_sec.set(at.getEpochSecond());
        ts.tv_nsec.set(at.getNano());
        return ts;
    }

    private static Native.MqAttr mqAttr(long[] a) {
        Native.MqAttr raw = new Native.MqAttr(Native.runtime());
        raw.mq_flags.set(a[0]);
        raw.mq_maxmsg.set(a[1]);
        raw.mq_msgsize.set(a[2]);
        raw.mq_curmsgs.set(a[3]);
        return raw;
    }

    private static void copy(Native.MqAttr raw, long[] out) {
        out[0] = raw.mq_flags.get();
        out[1] = raw.mq_maxmsg.get();
        out[2] = raw.mq_msgsize.get();
        out[3] = raw.mq_curmsgs.get();
    }

    /**
     * Un tampon natif (hors du tas Java, donc à une adresse fixe que le C peut
     * recevoir) : la priorité ({@code unsigned int}) à l'octet 0, le message à
     * partir de l'octet {@value #MESSAGE}. C'est un {@link ByteBuffer} direct :
     * les copies entre lui et un tableau Java restent en Java (compilées par le
     * JIT), sans second appel natif.
     */
    private static final class Exchange {
        static final int MESSAGE = 8;

        final ByteBuffer buffer;
        /** L'adresse de l'octet 0, calculée une fois. */
        final long address;

        Exchange(int messageSize) {
            buffer = ByteBuffer.allocateDirect(MESSAGE + messageSize)
                    .order(ByteOrder.nativeOrder());
            address = Pointer.wrap(Native.runtime(), buffer).address();
        }

        int capacity() {
            return buffer.capacity() - MESSAGE;
        }

        long message() {
            return address + MESSAGE;
        }

        /** Après mq_receive : les {@code n} octets reçus dans {@code dst}, la priorité dans prio. */
        long received(long n, byte[] dst, int[] prio) {
            if (n != -1) {
                buffer.get(MESSAGE, dst, 0, (int) n);
                if (prio != null) {
                    prio[0] = buffer.getInt(0);
                }
            }
            return n;
        }
    }

    /**
     * Une zone native vue par un {@link ByteBuffer} direct posé sur son adresse
     * (créé une fois par JNI, NewDirectByteBuffer). Les accès et les copies
     * passent alors par le JIT, en Java, au lieu d'un appel JNI chacun comme
     * avec un {@link Pointer} de jnr (Pointer.get, Pointer.put). Le
     * {@code ByteBuffer} vérifie lui-même les positions : c'est la seule
     * vérification des bornes (IndexOutOfBoundsException). Il ne possède pas la
     * mémoire : {@code owner} la garde vivante ({@link #allocate}) ou
     * {@code munmap} la rend ({@link #mmap}).
     */
    private static final class JnrRegion implements Region {
        private final Pointer owner;
        private final ByteBuffer view;
        private final long length;

        JnrRegion(Pointer owner, long length) {
            if (length > Integer.MAX_VALUE) {
                throw new UnsupportedOperationException("liaison jnr : zone de " + length
                        + " octets, plus de 2 Gio (la limite d'un ByteBuffer) ;"
                        + " choisir la liaison ffm (JDK 22 et plus)");
            }
            this.owner = owner;
            this.length = length;
            this.view = MemoryIO.getInstance().newDirectByteBuffer(owner.address(),
                    (int) length).order(ByteOrder.nativeOrder());
        }

        /** Refuse, avant tout appel natif, une zone plus grande qu'un ByteBuffer. */
        static void checkLength(long length) {
            if (length > Integer.MAX_VALUE) {
                throw new UnsupportedOperationException("liaison jnr : zone de " + length
                        + " octets, plus de 2 Gio (la limite d'un ByteBuffer) ;"
                        + " choisir la liaison ffm (JDK 22 et plus)");
            }
        }

        /** Une position longue en indice de ByteBuffer, sans troncature silencieuse. */
        private static int index(long at) {
            if (at != (int) at) {
                throw new IndexOutOfBoundsException("position " + at);
            }
            return (int) at;
        }

        @Override
        public long address() {
            return owner.address();
        }

        @Override
        public long length() {
            return length;
        }

        @Override
        public boolean refusesAccessAfterUnmap() {
            return false;
        }

        @Override
        public byte getByte(long at) {
            return view.get(index(at));
        }

        @Override
        public void putByte(long at, byte value) {
            view.put(index(at), value);
        }

        @Override
        public int getInt(long at) {
            return view.getInt(index(at));
        }

        @Override
        public void putInt(long at, int value) {
            view.putInt(index(at), value);
        }

        @Override
        public long getLong(long at) {
            return view.getLong(index(at));
        }

        @Override
        public void putLong(long at, long value) {
            view.putLong(index(at), value);
        }

        @Override
        public void get(long at, byte[] dst, int from, int count) {
            view.get(index(at), dst, from, count);
        }

        @Override
        public void put(long at, byte[] src, int from, int count) {
            view.put(index(at), src, from, count);
        }
    }
}
