package fr.progsys.ipc.sem;

import static fr.progsys.posix.OpenFlags.O_CREAT;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import fr.progsys.Example;
import fr.progsys.ipc.support.SharedCounter;
import fr.progsys.posix.MappedMemory;
import fr.progsys.posix.NamedSemaphore;
import fr.progsys.posix.SharedMemory;
import fr.progsys.posix.Unistd;

/**
 * La version JUSTE : le même compteur, protégé par un sémaphore nommé
 * initialisé à 1 et ouvert par les deux processus sous le même nom.
 *
 * <p>Deux modes servent aux tests, qui pilotent le processus par son entrée
 * standard : {@code pas-à-pas} (un seul incrément, arrêté entre la lecture et
 * l'écriture, sémaphore tenu) et {@code rendez-vous} (arrêt à mi-parcours
 * jusqu'à ce que le test, qui attend les deux processus, le relâche : les deux
 * boucles se chevauchent forcément).
 */
@Example(name = "ipc.sem.counter", slides = {"I13", "I14", "I15"},
        value = "Deux processus, un compteur partagé, un sémaphore nommé",
        usage = "[NOM [N [--unlink]]]")
public final class SemaphoreCounter {

    private SemaphoreCounter() {
    }

    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "/progsys-compteur";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        boolean unlink = args.length > 2 && args[2].equals("--unlink");
        String mode = args.length > 2 ? args[2] : "";
        if (mode.equals("pas-à-pas") || mode.equals("rendez-vous")) {
            forTests(name, n, mode);
            return;
        }
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

    /** Les modes pilotés par les tests : même sémaphore, même compteur. */
    private static void forTests(String name, int n, String mode) {
        try (NamedSemaphore mutex = NamedSemaphore.open(name, O_CREAT,
                0600, 1)) {
            SharedCounter.withCounter(name, m -> {
                if (mode.equals("pas-à-pas")) {
                    incrementStepByStep(m, mutex);
                } else {
                    incrementWithRendezvous(m, mutex, n);
                }
            });
        }
    }

    /** Un incrément, arrêté entre lecture et écriture, le sémaphore tenu. */
    private static void incrementStepByStep(MappedMemory counter,
            NamedSemaphore mutex) {
        System.out.println("attente du sémaphore");
        mutex.await();
        long v = counter.getLong(0);
        System.out.println("lu " + v);
        readLine(); // le test décide quand écrire
        counter.putLong(0, v + 1);
        System.out.println("écrit " + (v + 1));
        mutex.post();
    }

    /**
     * La boucle de {@link #increment}, avec un arrêt à mi-parcours : le test
     * attend que les deux processus y soient, puis les relâche. Le compteur lu
     * avant la boucle et affiché après délimite la fenêtre de ce processus.
     */
    private static void incrementWithRendezvous(MappedMemory counter,
            NamedSemaphore mutex, int n) {
        System.out.println("début : compteur = " + counter.getLong(0));
        for (int i = 0; i < n; i++) {
            if (i == n / 2) {
                System.out.println("à mi-parcours");
                readLine();
            }
            mutex.await();
            long v = counter.getLong(0);
            counter.putLong(0, v + 1);
            mutex.post();
        }
        System.out.printf("PID %d : %d incréments, compteur = %d%n",
                Unistd.getpid(), n, counter.getLong(0));
    }

    private static void readLine() {
        try {
            new BufferedReader(new InputStreamReader(System.in,
                    StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
