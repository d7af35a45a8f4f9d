package fr.progsys.ipc.shm;

import static fr.progsys.posix.Mman.MAP_PRIVATE;
import static fr.progsys.posix.Mman.MAP_SHARED;
import static fr.progsys.posix.Mman.PROT_READ;
import static fr.progsys.posix.Mman.PROT_WRITE;
import static fr.progsys.posix.OpenFlags.O_CREAT;
import static fr.progsys.posix.OpenFlags.O_RDWR;

import fr.progsys.Example;
import fr.progsys.posix.MappedMemory;
import fr.progsys.posix.SharedMemory;
import fr.progsys.posix.Unistd;

/**
 * L'écrivain : crée l'objet, lui donne sa taille, le projette et y écrit un
 * entier et une chaîne C. Avec l'argument {@code privé}, la projection est
 * MAP_PRIVATE : les écritures restent dans ce processus et l'objet n'en
 * garde rien.
 */
@Example(name = "ipc.shm.writer", slides = {"I09", "I12"},
        value = "Écrivain : shm_open, ftruncate, mmap (avec ipc.shm.reader)")
public final class ShmWriter {

    /** Taille de l'objet : une page. */
    static final int SIZE = 4096;
    /** Disposition partagée avec le lecteur (et le programme C) : */
    static final int PID_AT = 0;     // un int : le PID de l'écrivain
    static final int TEXT_AT = 8;    // une chaîne C terminée par NUL

    private ShmWriter() {
    }

    // tag::main[]
    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "/progsys-memoire";
        boolean shared = args.length < 2 || !args[1].equals("privé");
        try (SharedMemory shm = SharedMemory.open(name, O_CREAT | O_RDWR,
                0600)) {
            System.out.println("taille après shm_open : " + shm.size());
            shm.truncate(SIZE); // sans ftruncate, rien à projeter
            System.out.println("taille après ftruncate : " + shm.size());
            try (MappedMemory m = shm.map(SIZE, PROT_READ | PROT_WRITE,
                    shared ? MAP_SHARED : MAP_PRIVATE)) {
                int pid = (int) Unistd.getpid();
                m.putInt(PID_AT, pid);
                m.putString(TEXT_AT, "bonjour de l'écrivain");
                System.out.println((shared ? "MAP_SHARED" : "MAP_PRIVATE")
                        + " : écrit par le PID " + pid);
            } // munmap
        } // close : l'objet et son nom restent, pour le lecteur
    }
    // end::main[]
}
