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
    private static String nom(String sorte) {
        return IpcNames.unique("bench-" + sorte);
    }

    /** Un tableau par taille de message : l'API des liaisons prend des byte[] exacts. */
    private static final class Tableaux {
        private final byte[] petit = new byte[AllerRetour.PETIT];
        private final byte[] gros = new byte[AllerRetour.GROS];
        private final byte[] un = new byte[1];

        /** Les octets restants de {@code m}, dans le tableau de leur taille. */
        byte[] copie(ByteBuffer m) {
            byte[] t = de(m.remaining());
            m.get(t);
            return t;
        }

        byte[] de(int taille) {
            return switch (taille) {
                case AllerRetour.PETIT -> petit;
                case AllerRetour.GROS -> gros;
                case 1 -> un;
                default -> new byte[taille];
            };
        }
    }

    /** Deux files : mq_send dans l'une, mq_receive dans l'autre. */
    record DeuxFiles(MessageQueue envoi, MessageQueue reception, List<String> aEffacer,
            Tableaux tableaux) implements Canal {

        DeuxFiles(MessageQueue envoi, MessageQueue reception, List<String> aEffacer) {
            this(envoi, reception, aEffacer, new Tableaux());
        }

        @Override
        public void envoyer(ByteBuffer m) {
            envoi.send(tableaux.copie(m), 0);
        }

        @Override
        public void recevoir(ByteBuffer m) {
            int attendu = m.remaining();
            byte[] recu = reception.receive(AllerRetour.GROS).data(); // tampon >= mq_msgsize
            if (recu.length != attendu) {
                throw new IllegalStateException("message de " + recu.length + " octets, "
                        + attendu + " attendus");
            }
            m.put(recu);
        }

        @Override
        public void close() {
            envoi.close();
            reception.close();
            aEffacer.forEach(MessageQueue::unlink);
        }
    }

    static Extremite mq() {
        String aller = nom("mq");
        String retour = nom("mq");
        MessageQueue.Attributes attr = MessageQueue.Attributes.of(AllerRetour.FENETRE,
                AllerRetour.GROS);
        MessageQueue envoi = MessageQueue.open(aller,
                OpenFlags.O_CREAT | OpenFlags.O_EXCL | OpenFlags.O_WRONLY, 0600, attr);
        MessageQueue reception = MessageQueue.open(retour,
                OpenFlags.O_CREAT | OpenFlags.O_EXCL | OpenFlags.O_RDONLY, 0600, attr);
        return new Extremite() {
            @Override
            public List<String> adresse() {
                return List.of(aller, retour);
            }

            @Override
            public Canal accepter() {
                return new DeuxFiles(envoi, reception, List.of(aller, retour));
            }
        };
    }

    static Canal rejoindreMq(List<String> adresse) {
        return new DeuxFiles(MessageQueue.open(adresse.get(1), OpenFlags.O_WRONLY),
                MessageQueue.open(adresse.get(0), OpenFlags.O_RDONLY), List.of());
    }

    /** Une zone par sens : [longueur (int) | octets], à la position {@code debut}. */
    record Sens(long debut, NamedSemaphore vide, NamedSemaphore plein) {
    }

    static final long ZONE = 8 + AllerRetour.GROS;

    /** Mémoire partagée : copier dans la zone, sem_post ; sem_wait, copier hors de la zone. */
    record Memoire(MappedMemory zone, Sens envoi, Sens reception, List<String> aEffacer,
            Tableaux tableaux) implements Canal {

        Memoire(MappedMemory zone, Sens envoi, Sens reception, List<String> aEffacer) {
            this(zone, envoi, reception, aEffacer, new Tableaux());
        }

        @Override
        public void envoyer(ByteBuffer m) {
            byte[] t = tableaux.copie(m);
            envoi.vide().await(); // la zone a été lue : on peut l'écraser
            zone.putInt(envoi.debut(), t.length);
            zone.putBytes(envoi.debut() + 8, t);
            envoi.plein().post(); // réveille le lecteur
        }

        @Override
        public void recevoir(ByteBuffer m) {
            reception.plein().await();
            int n = zone.getInt(reception.debut());
            if (n != m.remaining()) {
                throw new IllegalStateException("message de " + n + " octets, "
                        + m.remaining() + " attendus");
            }
            byte[] t = tableaux.de(n);
            zone.getBytes(reception.debut() + 8, t);
            reception.vide().post();
            m.put(t);
        }

        @Override
        public void close() {
            zone.unmap();
            for (Sens s : List.of(envoi, reception)) {
                s.vide().close();
                s.plein().close();
            }
            if (!aEffacer.isEmpty()) {
                SharedMemory.unlink(aEffacer.get(0));
                aEffacer.subList(1, aEffacer.size()).forEach(NamedSemaphore::unlink);
            }
        }
    }

    static Extremite shm() {
        String memoire = nom("shm");
        List<String> sems = List.of(nom("sem"), nom("sem"), nom("sem"), nom("sem"));
        MappedMemory zone;
        try (SharedMemory shm = SharedMemory.open(memoire,
                OpenFlags.O_CREAT | OpenFlags.O_EXCL | OpenFlags.O_RDWR, 0600)) {
            shm.truncate(2 * ZONE);
            zone = shm.map(2 * ZONE, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_SHARED);
        }
        NamedSemaphore[] s = new NamedSemaphore[4];
        for (int i = 0; i < 4; i++) {
            s[i] = NamedSemaphore.open(sems.get(i), OpenFlags.O_CREAT | OpenFlags.O_EXCL,
                    0600, i % 2 == 0 ? 1 : 0);
        }
        List<String> tout = List.of(memoire, sems.get(0), sems.get(1), sems.get(2),
                sems.get(3));
        return new Extremite() {
            @Override
            public List<String> adresse() {
                return tout;
            }

            @Override
            public Canal accepter() {
                return new Memoire(zone, new Sens(0, s[0], s[1]), new Sens(ZONE, s[2], s[3]),
                        tout);
            }
        };
    }

    static Canal rejoindreShm(List<String> adresse) {
        MappedMemory zone;
        try (SharedMemory shm = SharedMemory.open(adresse.get(0), OpenFlags.O_RDWR)) {
            zone = shm.map(2 * ZONE, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_SHARED);
        }
        NamedSemaphore[] s = new NamedSemaphore[4];
        for (int i = 0; i < 4; i++) {
            s[i] = NamedSemaphore.open(adresse.get(1 + i), 0);
        }
        return new Memoire(zone, new Sens(ZONE, s[2], s[3]), new Sens(0, s[0], s[1]),
                List.of());
    }
}
