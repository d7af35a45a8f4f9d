package fr.progsys.ipc.support;

import static fr.progsys.posix.Mman.MAP_SHARED;
import static fr.progsys.posix.Mman.PROT_READ;
import static fr.progsys.posix.Mman.PROT_WRITE;
import static fr.progsys.posix.OpenFlags.O_CREAT;
import static fr.progsys.posix.OpenFlags.O_RDWR;

import java.util.function.Consumer;

import fr.progsys.posix.MappedMemory;
import fr.progsys.posix.SharedMemory;

/**
 * Le compteur commun aux deux versions (sans et avec sémaphore) : un
 * {@code long} à la position 0 d'un objet de mémoire partagée, projeté
 * MAP_SHARED. Outil des exemples SemaphoreCounter et UnsafeSharedCounter,
 * pas un exemple du cours.
 */
public final class SharedCounter {

    /** Taille de l'objet : un long. */
    public static final int SIZE = 8;

    private SharedCounter() {
    }

    /** Ouvre (ou crée) l'objet, le dimensionne et passe la projection à {@code body}. */
    public static void withCounter(String name, Consumer<MappedMemory> body) {
        try (SharedMemory shm = SharedMemory.open(name, O_CREAT | O_RDWR, 0600)) {
            if (shm.size() < SIZE) {
                shm.truncate(SIZE); // le premier arrivé dimensionne
            }
            try (MappedMemory m = shm.map(SIZE, PROT_READ | PROT_WRITE, MAP_SHARED)) {
                body.accept(m);
            }
        }
    }
}
