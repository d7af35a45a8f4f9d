package fr.progsys.threads.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * Plusieurs threads qui partent ensemble, et l'attente à une barrière.
 * Outil des exemples (UnsafeCounter, LockedCounter, NaivePhilosophers) et de
 * leurs tests, pas un exemple du cours.
 */
public final class Race {

    private Race() {
    }

    // tag::run[]
    /**
     * Lance {@code threads} threads qui, partis ensemble d'une barrière,
     * exécutent chacun {@code n} fois {@code action} ; attend leur fin.
     */
    public static void run(int threads, int n, Runnable action)
            throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Thread> all = new ArrayList<>();
        for (int k = 1; k <= threads; k++) {
            Thread t = new Thread(() -> {
                await(start); // personne ne part avant les autres
                for (int i = 0; i < n; i++) {
                    action.run();
                }
            }, "t" + k);
            all.add(t);
            t.start();
        }
        for (Thread t : all) {
            t.join(); // après join, ses écritures sont visibles ici
        }
    }
    // end::run[]

    /**
     * {@link CyclicBarrier#await()} ; une interruption remet le drapeau du
     * thread et devient une exception non vérifiée.
     */
    public static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrompu à la barrière", e);
        } catch (BrokenBarrierException e) {
            throw new IllegalStateException("barrière rompue", e);
        }
    }
}
