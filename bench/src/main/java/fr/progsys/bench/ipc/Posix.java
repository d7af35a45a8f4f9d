package fr.progsys.bench.ipc;

import java.nio.ByteBuffer;
import java.util.List;

import fr.progsys.posix.Mman;
import fr.progsys.posix.MappedMemory;
import fr.progsys.posix.MessageQueue;
import fr.progsys.posix.NamedSemaphore;
import fr.progsys.posix.OpenFlags;
import fr.progsys.posix.SharedMemory;
import fr.progsys.testkit.IpcNames;

/**
 * Les deux transports POSIX, par les liaisons du module {@code posix} (jnr) :
 * deux files de messages (une par sens), ou une mémoire partagée à deux zones
 * (une par sens) gardées chacune par deux sémaphores nommés, « vide » (1) et
 * « plein » (0), comme un producteur et un consommateur.
 */
final class Posix {

    private Posix() {
    }

    /**
     * Des noms uniques du schéma commun ({@code /progsys-<pid>-<n>-bench-…}) :
     * le balayeur des tests retrouve ceux d'une mesure tuée.
     */
    private static String name(String kind) {
        return IpcNames.unique("bench-" + kind);
    }

    /** Un tableau par taille de message : l'API des liaisons prend des byte[] exacts. */
    private static final class Buffers {
        private final byte[] small = new byte[RoundTrip.SMALL];
        private final byte[] large = new byte[RoundTrip.LARGE];
        private final byte[] one = new byte[1];

        /** Les octets restants de {@code m}, dans le tableau de leur taille. */
        byte[] copy(ByteBuffer m) {
            byte[] t = ofSize(m.remaining());
            m.get(t);
            return t;
        }

        byte[] ofSize(int size) {
            return switch (size) {
                case RoundTrip.SMALL -> small;
                case RoundTrip.LARGE -> large;
                case 1 -> one;
                default -> new byte[size];
            };
        }
    }

    /** Deux files : mq_send dans l'une, mq_receive dans l'autre. */
    record QueuePair(MessageQueue out, MessageQueue in, List<String> toUnlink,
            Buffers buffers) implements Link {

        QueuePair(MessageQueue out, MessageQueue in, List<String> toUnlink) {
            this(out, in, toUnlink, new Buffers());
        }

        @Override
        public void send(ByteBuffer m) {
            out.send(buffers.copy(m), 0);
        }

        @Override
        public void receive(ByteBuffer m) {
            int expected = m.remaining();
            // Dans un tableau réutilisé, comme le tampon du C : mq_receive(3) veut
            // au moins mq_msgsize octets, rien n'est alloué à chaque message.
            int n = in.receive(buffers.large, null);
            if (n != expected) {
                throw new IllegalStateException("message de " + n + " octets, "
                        + expected + " attendus");
            }
            m.put(buffers.large, 0, n);
        }

        @Override
        public void close() {
            out.close();
            in.close();
            toUnlink.forEach(MessageQueue::unlink);
        }
    }

    static Endpoint mq() {
        String forth = name("mq");
        String back = name("mq");
        MessageQueue.Attributes attr = MessageQueue.Attributes.of(RoundTrip.WINDOW,
                RoundTrip.LARGE);
        MessageQueue out = MessageQueue.open(forth,
                OpenFlags.O_CREAT | OpenFlags.O_EXCL | OpenFlags.O_WRONLY, 0600, attr);
        MessageQueue in = MessageQueue.open(back,
                OpenFlags.O_CREAT | OpenFlags.O_EXCL | OpenFlags.O_RDONLY, 0600, attr);
        return new Endpoint() {
            @Override
            public List<String> address() {
                return List.of(forth, back);
            }

            @Override
            public Link accept() {
                return new QueuePair(out, in, List.of(forth, back));
            }
        };
    }

    static Link joinMq(List<String> address) {
        return new QueuePair(MessageQueue.open(address.get(1), OpenFlags.O_WRONLY),
                MessageQueue.open(address.get(0), OpenFlags.O_RDONLY), List.of());
    }

    /** Une zone par sens : [longueur (int) | octets], à la position {@code start}. */
    record Direction(long start, NamedSemaphore empty, NamedSemaphore full) {
    }

    static final long ZONE = 8 + RoundTrip.LARGE;

    /** Mémoire partagée : copier dans la zone, sem_post ; sem_wait, copier hors de la zone. */
    record SharedZones(MappedMemory zone, Direction out, Direction in, List<String> toUnlink,
            Buffers buffers) implements Link {

        SharedZones(MappedMemory zone, Direction out, Direction in, List<String> toUnlink) {
            this(zone, out, in, toUnlink, new Buffers());
        }

        @Override
        public void send(ByteBuffer m) {
            byte[] t = buffers.copy(m);
            out.empty().await(); // la zone a été lue : on peut l'écraser
            zone.putInt(out.start(), t.length);
            zone.putBytes(out.start() + 8, t);
            out.full().post(); // réveille le lecteur
        }

        @Override
        public void receive(ByteBuffer m) {
            in.full().await();
            int n = zone.getInt(in.start());
            if (n != m.remaining()) {
                throw new IllegalStateException("message de " + n + " octets, "
                        + m.remaining() + " attendus");
            }
            byte[] t = buffers.ofSize(n);
            zone.getBytes(in.start() + 8, t);
            in.empty().post();
            m.put(t);
        }

        @Override
        public void close() {
            zone.unmap();
            for (Direction d : List.of(out, in)) {
                d.empty().close();
                d.full().close();
            }
            if (!toUnlink.isEmpty()) {
                SharedMemory.unlink(toUnlink.get(0));
                toUnlink.subList(1, toUnlink.size()).forEach(NamedSemaphore::unlink);
            }
        }
    }

    static Endpoint shm() {
        String memory = name("shm");
        List<String> sems = List.of(name("sem"), name("sem"), name("sem"), name("sem"));
        MappedMemory zone;
        try (SharedMemory shm = SharedMemory.open(memory,
                OpenFlags.O_CREAT | OpenFlags.O_EXCL | OpenFlags.O_RDWR, 0600)) {
            shm.truncate(2 * ZONE);
            zone = shm.map(2 * ZONE, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_SHARED);
        }
        NamedSemaphore[] s = new NamedSemaphore[4];
        for (int i = 0; i < 4; i++) {
            s[i] = NamedSemaphore.open(sems.get(i), OpenFlags.O_CREAT | OpenFlags.O_EXCL,
                    0600, i % 2 == 0 ? 1 : 0);
        }
        List<String> all = List.of(memory, sems.get(0), sems.get(1), sems.get(2),
                sems.get(3));
        return new Endpoint() {
            @Override
            public List<String> address() {
                return all;
            }

            @Override
            public Link accept() {
                return new SharedZones(zone, new Direction(0, s[0], s[1]),
                        new Direction(ZONE, s[2], s[3]), all);
            }
        };
    }

    static Link joinShm(List<String> address) {
        MappedMemory zone;
        try (SharedMemory shm = SharedMemory.open(address.get(0), OpenFlags.O_RDWR)) {
            zone = shm.map(2 * ZONE, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_SHARED);
        }
        NamedSemaphore[] s = new NamedSemaphore[4];
        for (int i = 0; i < 4; i++) {
            s[i] = NamedSemaphore.open(address.get(1 + i), 0);
        }
        return new SharedZones(zone, new Direction(ZONE, s[2], s[3]),
                new Direction(0, s[0], s[1]), List.of());
    }
}
