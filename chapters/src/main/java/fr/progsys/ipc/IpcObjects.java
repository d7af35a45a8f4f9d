package fr.progsys.ipc;

import static fr.progsys.posix.OpenFlags.O_CREAT;
import static fr.progsys.posix.OpenFlags.O_EXCL;
import static fr.progsys.posix.OpenFlags.O_RDWR;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import fr.progsys.Example;
import fr.progsys.posix.MessageQueue;
import fr.progsys.posix.NamedSemaphore;
import fr.progsys.posix.Platform;
import fr.progsys.posix.PosixException;
import fr.progsys.posix.SharedMemory;

/**
 * Les trois mécanismes IPC POSIX sous un même nom externe : une file de
 * messages, un objet de mémoire partagée et un sémaphore nommé peuvent tous
 * s'appeler « /demo » en même temps, car chaque type a son espace de noms
 * (sous Linux : le système de fichiers mqueue pour les files, les fichiers
 * /dev/shm/demo et /dev/shm/sem.demo pour les deux autres). Puis les noms
 * que l'on refuse, et l'erreur que rend le système.
 */
@Example(name = "ipc.objects", slides = {"I01", "I02"},
        value = "Un même nom pour une file, une mémoire et un sémaphore")
public final class IpcObjects {

    private IpcObjects() {
    }

    public static void main(String[] args) throws IOException {
        String name = args.length > 0 ? args[0] : "/progsys-demo";
        // tag::three-tables[]
        // Trois objets, un seul nom : chaque type a ses propres noms.
        try (MessageQueue q = MessageQueue.open(name,
                     O_CREAT | O_EXCL | O_RDWR, 0600, null);
             SharedMemory shm = SharedMemory.open(name,
                     O_CREAT | O_EXCL | O_RDWR, 0600);
             NamedSemaphore sem = NamedSemaphore.open(name,
                     O_CREAT | O_EXCL, 0600, 1)) {
            // Identification interne : un descripteur (mqd_t, int) ou
            // un sem_t * ; identification externe : le nom.
            System.out.println("file    " + name + " : mqd_t = "
                    + q.descriptor());
            System.out.println("mémoire " + name + " : fd    = "
                    + shm.descriptor());
            System.out.println("sémaphore " + name + " : valeur "
                    + sem.value());
            showDevShm(name);
        } finally {
            MessageQueue.unlink(name);
            SharedMemory.unlink(name);
            NamedSemaphore.unlink(name);
        }
        // end::three-tables[]
        badNames();
    }

    // tag::dev-shm[]
    /** Sous Linux, mémoires et sémaphores sont des fichiers du tmpfs /dev/shm. */
    static void showDevShm(String name) throws IOException {
        String base = name.substring(1);
        try (Stream<Path> files = Files.list(Path.of("/dev/shm"))) {
            files.map(p -> p.getFileName().toString())
                    .filter(f -> f.equals(base) || f.equals("sem." + base))
                    .sorted()
                    .forEach(f -> System.out.println("  /dev/shm/" + f));
        }
    }
    // end::dev-shm[]

    // tag::bad-names[]
    static void badNames() {
        // la réponse à un nom trop long dépend de la version de la glibc
        System.out.println("glibc " + Platform.libcVersion());
        String[] bad = {"demo", "/demo/fils", "/" + "x".repeat(300)};
        for (String n : bad) {
            String shown = n.length() > 20 ? n.substring(0, 12) + "…" : n;
            try {
                MessageQueue.open(n, O_CREAT | O_RDWR, 0600, null).close();
                MessageQueue.unlink(n);
                System.out.println(shown + " : accepté ?!");
            } catch (PosixException e) {
                System.out.println("mq_open(\"" + shown + "\") : "
                        + e.errnoName());
            }
        }
    }
    // end::bad-names[]
}
