package fr.progsys.tp.prodcons;

import java.util.concurrent.Semaphore;

/**
 * Solution du TP producteur / consommateur : places libres, éléments, mutex.
 *
 * @param <T> le type des éléments
 */
public final class Tampon<T> {

    private final Cases<T> cases;
    private final Semaphore placesLibres;
    private final Semaphore elements;
    private final Semaphore mutex;
    private int entree;
    private int sortie;

    public Tampon(int capacite) {
        this(new Cases<>(capacite));
    }

    // tag::solution[]
    public Tampon(Cases<T> cases) {
        this.cases = cases;
        placesLibres = new Semaphore(cases.capacite()); // tout est libre
        elements = new Semaphore(0);                    // rien à retirer
        mutex = new Semaphore(1);
    }

    public void deposer(T x) throws InterruptedException {
        placesLibres.acquire(); // bloque (sans consommer de CPU) si plein
        mutex.acquire();
        try {
            cases.ecrire(entree, x);
            entree = (entree + 1) % cases.capacite();
        } finally {
            mutex.release();
        }
        elements.release(); // réveille un consommateur qui attendait
    }

    public T retirer() throws InterruptedException {
        elements.acquire(); // bloque si vide
        T x;
        mutex.acquire();
        try {
            x = cases.lire(sortie);
            sortie = (sortie + 1) % cases.capacite();
        } finally {
            mutex.release();
        }
        placesLibres.release();
        return x;
    }
    // end::solution[]
}
