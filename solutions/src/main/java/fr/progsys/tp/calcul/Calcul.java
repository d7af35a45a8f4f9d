package fr.progsys.tp.calcul;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/** Solution du TP calcul parallèle. */
public final class Calcul {

    private Calcul() {
    }

    // tag::solution[]
    public static <R> List<R> enParallele(List<Callable<R>> taches)
            throws InterruptedException {
        int n = taches.size();
        Object[] resultats = new Object[n]; // une case par thread
        Exception[] erreurs = new Exception[n];
        Thread[] threads = new Thread[n];
        for (int i = 0; i < n; i++) {
            int moi = i;
            threads[i] = new Thread(() -> {
                try {
                    resultats[moi] = taches.get(moi).call();
                } catch (Exception e) {
                    erreurs[moi] = e;
                }
            }, "calcul-" + i);
            threads[i].start();
        }
        List<R> valeurs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            threads[i].join(); // après join, ses écritures sont visibles
            if (erreurs[i] != null) {
                throw new IllegalStateException("tâche " + i, erreurs[i]);
            }
            @SuppressWarnings("unchecked")
            R r = (R) resultats[i];
            valeurs.add(r);
        }
        return valeurs;
    }

    public static long somme(long[] t, int n) throws InterruptedException {
        List<Callable<Long>> taches = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int de = (int) ((long) i * t.length / n);
            int a = (int) ((long) (i + 1) * t.length / n);
            taches.add(() -> {
                long s = 0;
                for (int k = de; k < a; k++) {
                    s += t[k];
                }
                return s;
            });
        }
        long total = 0;
        for (long partielle : enParallele(taches)) {
            total += partielle;
        }
        return total;
    }

    public static OptionalLong chercher(long debut, long fin, int n,
            Critere critere) throws InterruptedException {
        Thread[] threads = new Thread[n];
        AtomicBoolean trouve = new AtomicBoolean();
        long[] valeur = new long[1];
        long largeur = (fin - debut) / n;
        for (int i = 0; i < n; i++) {
            long de = debut + i * largeur;
            long a = i == n - 1 ? fin : de + largeur;
            threads[i] = new Thread(() -> {
                try {
                    for (long x = de; x < a; x++) {
                        if (Thread.interrupted()) {
                            return; // point d'annulation : on s'arrête
                        }
                        if (critere.accepte(x) && trouve.compareAndSet(false, true)) {
                            valeur[0] = x;
                            for (Thread autre : threads) {
                                if (autre != Thread.currentThread()) {
                                    autre.interrupt();
                                }
                            }
                            return;
                        }
                    }
                } catch (InterruptedException e) {
                    // annulé pendant une attente du critère : fin du thread
                }
            }, "recherche-" + i);
        }
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return trouve.get() ? OptionalLong.of(valeur[0]) : OptionalLong.empty();
    }
    // end::solution[]
}
