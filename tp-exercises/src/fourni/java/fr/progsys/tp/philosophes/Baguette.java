package fr.progsys.tp.philosophes;

import java.util.concurrent.Semaphore;

/**
 * Code fourni : une baguette est un sémaphore binaire (valeur initiale 1).
 * Le témoin est prévenu de chaque attente, prise et dépose : les tests s'en
 * servent pour observer (et ordonner) le repas.
 */
public final class Baguette {

    private final int numero;
    private final Semaphore libre = new Semaphore(1);
    private final Temoin temoin;

    public Baguette(int numero, Temoin temoin) {
        this.numero = numero;
        this.temoin = temoin;
    }

    // tag::baguette[]
    /** sem_wait : bloque tant qu'un voisin tient la baguette. */
    public void prendre(int philosophe) throws InterruptedException {
        temoin.attend(philosophe, numero);
        libre.acquire();
        temoin.prise(philosophe, numero);
    }

    /** sem_post : rend la baguette et réveille un voisin qui l'attend. */
    public void poser(int philosophe) {
        temoin.posee(philosophe, numero);
        libre.release();
    }
    // end::baguette[]

    public int numero() {
        return numero;
    }
}
