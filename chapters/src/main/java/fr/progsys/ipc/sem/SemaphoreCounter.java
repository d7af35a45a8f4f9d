package fr.progsys.ipc.sem;

import static fr.progsys.posix.OpenFlags.O_CREAT;

import fr.progsys.Example;
import fr.progsys.posix.MappedMemory;
import fr.progsys.posix.NamedSemaphore;
import fr.progsys.posix.SharedMemory;
import fr.progsys.posix.Unistd;

/**
 * La version JUSTE : le même compteur, protégé par un sémaphore nommé
 * initialisé à 1 et ouvert par les deux processus sous le même nom.
 */
@Example(name = "ipc.sem.counter", slides = {"I13", "I14", "I15"},
        value = "Deux processus, un compteur partagé, un sémaphore nommé")
public final class SemaphoreCounter {

    private SemaphoreCounter() {
    }

    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "/progsys-compteur";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        boolean unlink = args.length > 2 && args[2].equals("--unlink");
        // tag::open[]
        // Seconde forme de sem_open : créé à 1 s'il n'existe pas,
        // ouvert tel quel (valeur inchangée) s'il existe déjà.
        try (NamedSemaphore mutex = NamedSemaphore.open(name, O_CREAT,
                0600, 1)) {
            SharedCounter.withCounter(name, m -> increment(m, mutex, n));
        } // sem_close : ce processus lâche le sémaphore, qui reste
        if (unlink) { // sem_unlink ne prend que le nom
            NamedSemaphore.unlink(name);
            SharedMemory.unlink(name);
        }
        // end::open[]
    }

    // tag::increment[]
    static void increment(MappedMemory counter, NamedSemaphore mutex,
            int n) {
        for (int i = 0; i < n; i++) {
            mutex.await();  // sem_wait : bloque si l'autre est dedans
            long v = counter.getLong(0);
            counter.putLong(0, v + 1);
            mutex.post();   // sem_post : réveille l'autre s'il attend
        }
        System.out.printf("PID %d : %d incréments, compteur = %d%n",
                Unistd.getpid(), n, counter.getLong(0));
    }
    // end::increment[]
}
