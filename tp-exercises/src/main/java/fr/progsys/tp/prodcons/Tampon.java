package fr.progsys.tp.prodcons;

import java.util.concurrent.Semaphore;

/**
 * TP producteur / consommateur : un tampon borné partagé par des threads
 * producteurs et consommateurs. Trois sémaphores : les places libres, les
 * éléments présents, et un mutex autour des cases et des indices.
 *
 * @param <T> le type des éléments
 */
public final class Tampon<T> {

    // tag::etat[]
    private final Cases<T> cases;
    private final Semaphore placesLibres; // combien de dépôts possibles
    private final Semaphore elements;     // combien de retraits possibles
    private final Semaphore mutex;        // une seule main dans les cases
    private int entree;                   // prochaine case où déposer
    private int sortie;                   // prochaine case où retirer
    // end::etat[]

    public Tampon(int capacite) {
        this(new Cases<>(capacite));
    }

    // tag::squelette[]
    public Tampon(Cases<T> cases) {
        this.cases = cases;
        // TODO 1 : créer les trois sémaphores (quelles valeurs initiales ?).
        throw new UnsupportedOperationException("TP prodcons : à compléter"
                + " — créer les trois sémaphores du tampon");
    }

    /** Dépose x ; bloque tant que le tampon est plein. */
    public void deposer(T x) throws InterruptedException {
        // TODO 2 : attendre une place libre, écrire x dans la case entree
        //          sous le mutex (cases.ecrire), avancer entree (modulo la
        //          capacité), puis signaler un élément de plus.
        throw new UnsupportedOperationException("TP prodcons : à compléter"
                + " — Tampon.deposer");
    }

    /** Retire l'élément le plus ancien ; bloque tant que le tampon est vide. */
    public T retirer() throws InterruptedException {
        // TODO 3 : le symétrique de deposer.
        throw new UnsupportedOperationException("TP prodcons : à compléter"
                + " — Tampon.retirer");
    }
    // end::squelette[]
}
