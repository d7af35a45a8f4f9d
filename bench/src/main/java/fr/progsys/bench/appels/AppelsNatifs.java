package fr.progsys.bench.appels;

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
 * traversée de jnr. Jumeau C : {@code appels.c}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AppelsNatifs {

    private final String prefixe = IpcNames.unique("bench-appels");
    private final byte[] petit = new byte[64];
    private NamedSemaphore semaphore;
    private MessageQueue file;
    private MappedMemory zone;

    @Setup
    public void ouvrir() {
        semaphore = NamedSemaphore.open(prefixe + "-sem", OpenFlags.O_CREAT | OpenFlags.O_EXCL,
                0600, 0);
        file = MessageQueue.open(prefixe + "-mq", OpenFlags.O_CREAT | OpenFlags.O_EXCL
                | OpenFlags.O_RDWR, 0600, MessageQueue.Attributes.of(8, 4096));
        try (SharedMemory shm = SharedMemory.open(prefixe + "-shm",
                OpenFlags.O_CREAT | OpenFlags.O_EXCL | OpenFlags.O_RDWR, 0600)) {
            shm.truncate(4096);
            zone = shm.map(4096, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_SHARED);
        }
    }

    @TearDown
    public void fermer() {
        semaphore.close();
        NamedSemaphore.unlink(prefixe + "-sem");
        file.close();
        MessageQueue.unlink(prefixe + "-mq");
        zone.unmap();
        SharedMemory.unlink(prefixe + "-shm");
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

    /** mq_send puis mq_receive de 64 octets sur la même file, jamais vide au receive. */
    @Benchmark
    public int mqSendReceive() {
        file.send(petit, 0);
        return file.receive(4096).data().length;
    }

    /** Copier 64 octets dans la mémoire partagée, puis les relire. */
    @Benchmark
    public byte[] shmPutGet() {
        zone.putBytes(0, petit);
        zone.getBytes(0, petit);
        return petit;
    }
}
