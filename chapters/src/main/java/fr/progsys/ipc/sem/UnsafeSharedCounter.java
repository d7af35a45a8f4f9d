package fr.progsys.ipc.sem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import fr.progsys.Example;
import fr.progsys.ipc.support.SharedCounter;
import fr.progsys.posix.MappedMemory;
import fr.progsys.posix.SharedMemory;
import fr.progsys.posix.Unistd;

/**
 * La version FAUSSE : deux processus incrémentent le même compteur en
 * mémoire partagée sans exclusion mutuelle, et des incréments se perdent.
 *
 * <p>Avec l'argument {@code pas-à-pas}, un seul incrément, arrêté entre la
 * lecture et l'écriture jusqu'à ce qu'une ligne arrive sur l'entrée standard :
 * le test s'en sert pour forcer l'entrelacement qui perd une mise à jour.
 */
@Example(name = "ipc.sem.unsafe", slides = {"I14"},
        value = "Deux processus, un compteur partagé, SANS sémaphore : pertes",
        usage = "[NOM [N [pas-à-pas | --unlink]]]")
public final class UnsafeSharedCounter {

    private UnsafeSharedCounter() {
    }

    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "/progsys-compteur-faux";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000_000;
        boolean stepByStep = args.length > 2 && args[2].equals("pas-à-pas");
        boolean unlink = args.length > 2 && args[2].equals("--unlink");
        SharedCounter.withCounter(name, m -> {
            if (stepByStep) {
                incrementStepByStep(m);
            } else {
                increment(m, n);
            }
        });
        if (unlink) {
            SharedMemory.unlink(name);
        }
    }

    // tag::increment[]
    /** Lire, ajouter 1, écrire : trois étapes qu'un autre processus coupe. */
    static void increment(MappedMemory counter, int n) {
        for (int i = 0; i < n; i++) {
            long v = counter.getLong(0);
            counter.putLong(0, v + 1);
        }
        System.out.printf("PID %d : %d incréments, compteur = %d%n",
                Unistd.getpid(), n, counter.getLong(0));
    }
    // end::increment[]

    private static void incrementStepByStep(MappedMemory counter) {
        BufferedReader in = new BufferedReader(
                new InputStreamReader(System.in, StandardCharsets.UTF_8));
        long v = counter.getLong(0);
        System.out.println("lu " + v);
        try {
            in.readLine(); // le test décide quand écrire
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        counter.putLong(0, v + 1);
        System.out.println("écrit " + (v + 1));
    }
}
