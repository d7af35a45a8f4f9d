package fr.progsys.threads;

import fr.progsys.Example;
import fr.progsys.threads.support.Race;
import fr.progsys.threads.support.Thousands;

/**
 * Trois threads incrémentent dix millions de fois chacun un compteur partagé,
 * sans protection : des incréments se perdent. {@code counter++} n'est pas
 * une opération mais trois (lire, ajouter, écrire) ; entre la lecture et
 * l'écriture d'un thread, un autre peut écrire, et son écriture est écrasée.
 *
 * <p>Le champ est {@code volatile} exprès : chaque lecture voit la dernière
 * écriture (visibilité), et pourtant des mises à jour se perdent encore.
 * {@code volatile} ne rend pas {@code ++} atomique.
 */
@Example(name = "threads.unsafe-counter", slides = {"T13"},
        value = "3 × 10 000 000 incréments sans verrou : des mises à jour perdues")
public final class UnsafeCounter {

    static final int THREADS = 3;
    static final int INCREMENTS = 10_000_000;

    private UnsafeCounter() {
    }

    // tag::counter[]
    /** Partagé par tous les threads ; volatile ne suffit pas. */
    static volatile int counter;

    static void increment() {
        counter++; // lire, ajouter 1, écrire : trois temps, pas un
    }
    // end::counter[]

    // tag::steps[]
    /** Ce que fait counter++, en trois temps, avec une pause au milieu. */
    static void incrementInSteps(Runnable between) {
        int read = counter;  // 1. lire
        between.run();       //    (ici, un autre thread peut passer)
        counter = read + 1;  // 2. ajouter, 3. écrire
    }
    // end::steps[]

    // tag::main[]
    public static void main(String[] args) throws InterruptedException {
        Race.run(THREADS, INCREMENTS, UnsafeCounter::increment);
        int expected = THREADS * INCREMENTS;
        System.out.println("attendu : " + Thousands.of(expected));
        System.out.println("obtenu  : " + Thousands.of(counter));
        System.out.println("perdus  : " + Thousands.of(expected - counter));
    }
    // end::main[]
}
