package fr.progsys.ipc.shm;

import static fr.progsys.posix.Mman.MAP_SHARED;
import static fr.progsys.posix.Mman.PROT_READ;
import static fr.progsys.posix.OpenFlags.O_RDONLY;

import fr.progsys.Example;
import fr.progsys.posix.MappedMemory;
import fr.progsys.posix.SharedMemory;
import fr.progsys.posix.Unistd;

/**
 * Le lecteur : ouvre l'objet laissé par l'écrivain, le projette en lecture
 * seule, lit l'entier et la chaîne, puis supprime le nom (shm_unlink).
 */
@Example(name = "ipc.shm.reader", slides = {"I12", "I11"},
        value = "Lecteur : mmap en lecture, puis shm_unlink (avec ipc.shm.writer)")
public final class ShmReader {

    private ShmReader() {
    }

    // tag::main[]
    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "/progsys-memoire";
        try (SharedMemory shm = SharedMemory.open(name, O_RDONLY)) {
            long size = shm.size();
            try (MappedMemory m = shm.map(size, PROT_READ, MAP_SHARED)) {
                System.out.println("lecteur PID " + Unistd.getpid()
                        + ", objet de " + size + " octets");
                System.out.println("PID de l'écrivain : "
                        + m.getInt(ShmWriter.PID_AT));
                System.out.println("texte : « "
                        + m.getString(ShmWriter.TEXT_AT) + " »");
            }
        } finally {
            SharedMemory.unlink(name);
        }
    }
    // end::main[]
}
