package fr.progsys.ipc.sem;

import static fr.progsys.posix.Mman.MAP_SHARED;
import static fr.progsys.posix.Mman.PROT_READ;
import static fr.progsys.posix.Mman.PROT_WRITE;
import static fr.progsys.posix.OpenFlags.O_CREAT;
import static fr.progsys.posix.OpenFlags.O_EXCL;
import static fr.progsys.posix.OpenFlags.O_RDWR;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import fr.progsys.Example;
import fr.progsys.posix.MappedMemory;
import fr.progsys.posix.SharedMemory;
import fr.progsys.posix.UnnamedSemaphore;
import fr.progsys.posix.Unistd;

/**
 * Un sémaphore ANONYME partagé entre deux processus : {@code sem_init} avec
 * {@code pshared = 1}, le {@code sem_t} placé dans une mémoire partagée que
 * les deux processus projettent. Le parent lance un second processus (une
 * JVM, comme un fork suivi d'un exec) et attend son signal sur le sémaphore.
 */
@Example(name = "ipc.sem.unnamed-shared", slides = {"T17"},
        value = "sem_init(pshared = 1) dans une mémoire partagée, deux processus")
public final class UnnamedSharedSemaphore {

    static final int SEM_AT = 0;    // le sem_t (32 octets)
    static final int TEXT_AT = 64;  // le message de l'enfant

    private UnnamedSharedSemaphore() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[1].equals("enfant")) {
            child(args[0]);
            return;
        }
        String name = args.length > 0 ? args[0] : "/progsys-sem-anonyme";
        parent(name);
    }

    // tag::parent[]
    static void parent(String name) throws Exception {
        try (SharedMemory shm = SharedMemory.open(name,
                O_CREAT | O_EXCL | O_RDWR, 0600)) {
            shm.truncate(4096);
            try (MappedMemory m = shm.map(4096, PROT_READ | PROT_WRITE,
                    MAP_SHARED);
                 // sem_init(addr + 0, 1, 0) : pshared = 1, valeur 0
                 UnnamedSemaphore ready = m.initSemaphore(SEM_AT, 0)) {
                System.out.println("parent PID " + Unistd.getpid()
                        + " : sem_init(pshared = " + ready.pshared() + ")");
                Process child = startChild(name);
                // sem_timedwait : bloque jusqu'au sem_post de l'enfant
                if (!ready.tryWait(Duration.ofSeconds(30))) {
                    throw new IllegalStateException("pas de signal");
                }
                System.out.println("parent : l'enfant dit « "
                        + m.getString(TEXT_AT) + " »");
                child.waitFor();
            } // sem_destroy puis munmap
        } finally {
            SharedMemory.unlink(name);
        }
    }
    // end::parent[]

    // tag::child[]
    static void child(String name) {
        try (SharedMemory shm = SharedMemory.open(name, O_RDWR);
             MappedMemory m = shm.map(4096, PROT_READ | PROT_WRITE,
                     MAP_SHARED);
             // le même sem_t, déjà initialisé : on ne refait pas sem_init
             UnnamedSemaphore ready = m.semaphoreAt(SEM_AT)) {
            m.putString(TEXT_AT, "bonjour, je suis le PID "
                    + Unistd.getpid());
            ready.post(); // sem_post : réveille le parent
        }
    }
    // end::child[]

    /** Lance ce même programme dans une nouvelle JVM, en mode « enfant ». */
    private static Process startChild(String name) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // les mêmes options que cette JVM (accès natif, encodage…)
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
                UnnamedSharedSemaphore.class.getName(), name, "enfant"));
        return new ProcessBuilder(cmd).inheritIO().start();
    }
}
