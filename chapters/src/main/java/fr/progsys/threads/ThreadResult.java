package fr.progsys.threads;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import fr.progsys.Example;

/**
 * Un thread se termine en revenant de sa routine. Pour rendre une valeur,
 * comme {@code pthread_exit(valeur)}, la routine est un {@code Callable} : une
 * {@link FutureTask} l'enveloppe dans un {@code Runnable} qu'un {@link Thread}
 * exécute, et {@code get()} attend la fin puis rend la valeur.
 */
@Example(name = "threads.result", slides = {"T07"},
        value = "Un thread rend une valeur (Callable, FutureTask) ou une erreur")
public final class ThreadResult {

    private ThreadResult() {
    }

    // tag::main[]
    public static void main(String[] args)
            throws InterruptedException, ExecutionException {
        FutureTask<Long> sum = new FutureTask<>(() -> {
            long s = 0;
            for (int i = 1; i <= 1_000; i++) {
                s += i;
            }
            return s; // l'équivalent de pthread_exit(&s)
        });
        new Thread(sum, "calcul").start();
        System.out.println("main : somme = " + sum.get()); // attend la fin

        FutureTask<Long> broken = new FutureTask<>(() -> {
            throw new ArithmeticException("débordement");
        });
        new Thread(broken, "calcul-raté").start();
        try {
            broken.get();
        } catch (ExecutionException e) { // l'erreur du thread, rendue à main
            System.out.println("main : le thread a échoué : " + e.getCause());
        }
    }
    // end::main[]
}
