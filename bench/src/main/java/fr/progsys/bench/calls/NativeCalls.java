package fr.progsys.bench.calls;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import fr.progsys.posix.Mman;
import fr.progsys.posix.MappedMemory;
import fr.progsys.posix.MessageQueue;
import fr.progsys.posix.NamedSemaphore;
import fr.progsys.posix.OpenFlags;
import fr.progsys.posix.SharedMemory;
import fr.progsys.posix.Unistd;
import fr.progsys.testkit.IpcNames;

/**
 * Le prix des liaisons seules : les mêmes appels que les allers-retours, mais
 * dans un seul processus et sans jamais bloquer, donc sans réveil ni
 * changement de contexte. Ce qui reste, c'est l'appel système et, en Java, la
 * traversée de la liaison : jnr ou FFM, choisie par
 * {@code -Dprogsys.posix.binding} dans la JVM de mesure (Measurements lance
 * les deux). Jumeau C : {@code calls.c}, dont chaque opération porte le nom de
 * la méthode qui fait la même chose ici ; {@code mqSendReceiveMessage}
 * n'existe qu'en Java.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NativeCalls {

    private final String prefix = IpcNames.unique("bench-calls");
    private final byte[] small = new byte[64];
    private final byte[] buffer = new byte[4096];
    private NamedSemaphore semaphore;
    private MessageQueue queue;
    private MappedMemory zone;

    @Setup
    public void open() {
        semaphore = NamedSemaphore.open(prefix + "-sem", OpenFlags.O_CREAT | OpenFlags.O_EXCL,
                0600, 0);
        queue = MessageQueue.open(prefix + "-mq", OpenFlags.O_CREAT | OpenFlags.O_EXCL
                | OpenFlags.O_RDWR, 0600, MessageQueue.Attributes.of(8, 4096));
        try (SharedMemory shm = SharedMemory.open(prefix + "-shm",
                OpenFlags.O_CREAT | OpenFlags.O_EXCL | OpenFlags.O_RDWR, 0600)) {
            shm.truncate(4096);
            zone = shm.map(4096, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_SHARED);
        }
    }

    @TearDown
    public void close() {
        semaphore.close();
        NamedSemaphore.unlink(prefix + "-sem");
        queue.close();
        MessageQueue.unlink(prefix + "-mq");
        zone.unmap();
        SharedMemory.unlink(prefix + "-shm");
    }

    /** Le plus simple des appels système : le noyau rend un nombre. */
    @Benchmark
    public long getppid() {
        return Unistd.getppid();
    }

    /** sem_post puis sem_trywait : la valeur repasse à 0, aucun appel ne bloque. */
    @Benchmark
    public boolean semPostTrywait() {
        semaphore.post();
        return semaphore.tryWait();
    }

    /**
     * mq_send puis mq_receive de 64 octets sur la même file, jamais vide au
     * receive, dans un tampon réutilisé de mq_msgsize octets : comme en C, rien
     * n'est alloué.
     */
    @Benchmark
    public int mqSendReceive() {
        queue.send(small, 0);
        return queue.receive(buffer, null);
    }

    /**
     * La même chose par {@code receive(int)}, qui rend un nouveau
     * {@code Message} (un tableau à la taille du message, un objet) à chaque
     * appel : l'écart avec {@link #mqSendReceive()} est le prix de ces allocations.
     */
    @Benchmark
    public int mqSendReceiveMessage() {
        queue.send(small, 0);
        return queue.receive(4096).data().length;
    }

    /** Copier 64 octets dans la mémoire partagée, puis les relire. */
    @Benchmark
    public byte[] shmPutGet() {
        zone.putBytes(0, small);
        zone.getBytes(0, small);
        return small;
    }
}
