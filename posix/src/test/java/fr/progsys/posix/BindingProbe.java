package fr.progsys.posix;

import java.util.Arrays;

import fr.progsys.testkit.IpcNames;

/**
 * Programme lancé dans une JVM enfant par {@link BindingTest} : touche chaque
 * famille d'appels (file, mémoire partagée, sémaphores) avec la liaison
 * demandée, puis affiche {@code liaison=<nom>}. Une erreur de choix de liaison
 * est affichée sur une ligne {@code erreur=<classe>: <message>} (code 2).
 */
final class BindingProbe {

    private BindingProbe() {
    }

    public static void main(String[] args) {
        String binding;
        try {
            binding = Posix.binding();
        } catch (RuntimeException e) {
            System.out.println("erreur=" + e.getClass().getSimpleName() + ": "
                    + e.getMessage());
            System.exit(2);
            return;
        }
        String mq = IpcNames.unique("probe-mq");
        String shm = IpcNames.unique("probe-shm");
        String sem = IpcNames.unique("probe-sem");
        try (MessageQueue q = MessageQueue.open(mq, OpenFlags.O_CREAT | OpenFlags.O_RDWR,
                0600, MessageQueue.Attributes.of(2, 64));
                SharedMemory m = SharedMemory.open(shm, OpenFlags.O_CREAT | OpenFlags.O_RDWR,
                        0600);
                NamedSemaphore s = NamedSemaphore.open(sem, OpenFlags.O_CREAT, 0600, 0)) {
            q.send("bonjour", 3);
            check(q.receive().text().equals("bonjour"), "mq_receive");
            m.truncate(4096);
            try (MappedMemory mem = m.map(4096, Mman.PROT_READ | Mman.PROT_WRITE,
                    Mman.MAP_SHARED); UnnamedSemaphore u = mem.initSemaphore(64, 1)) {
                mem.putLong(0, 42);
                check(mem.getLong(0) == 42 && u.tryWait(), "mmap, sem_init");
            }
            s.post();
            check(s.tryWait(), "sem_open");
        } finally {
            MessageQueue.unlinkIfExists(mq);
            SharedMemory.unlinkIfExists(shm);
            NamedSemaphore.unlinkIfExists(sem);
        }
        System.out.println("liaison=" + binding + " pid=" + Unistd.getpid()
                + " args=" + Arrays.toString(args));
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what + " : résultat inattendu");
        }
    }
}
