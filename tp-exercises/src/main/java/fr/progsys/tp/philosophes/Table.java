package fr.progsys.tp.philosophes;

import java.util.concurrent.Semaphore;

/**
 * TP philosophes : n philosophes autour d'une table, une baguette entre deux
 * voisins. Le philosophe i mange avec les baguettes i et (i + 1) mod n.
 * Un sémaphore « veut-manger » initialisé à n − 1 empêche les n philosophes de
 * tenir chacun une baguette en même temps : l'interblocage devient impossible.
 */
public final class Table {

    // tag::etat[]
    private final int n;
    private final Baguette[] baguettes;
    private final Semaphore veutManger;
    // end::etat[]

    /** Une table de n philosophes, sans témoin. */
    public Table(int n) {
        this(n, Temoin.AUCUN);
    }

    // tag::squelette[]
    public Table(int n, Temoin temoin) {
        this.n = n;
        // TODO 1 : créer les n baguettes, new Baguette(b, temoin) pour b de 0
        //          à n − 1, et le sémaphore « veut-manger » initialisé à n − 1.
        throw new UnsupportedOperationException("TP philosophes : à compléter"
                + " — créer les baguettes et le sémaphore « veut-manger »");
    }

    /** Le philosophe i s'assoit et prend ses deux baguettes (peut bloquer). */
    public void prendre(int i) throws InterruptedException {
        // TODO 2 : demander une place (veut-manger), puis prendre la baguette
        //          i, puis la baguette (i + 1) % n.
        throw new UnsupportedOperationException("TP philosophes : à compléter"
                + " — Table.prendre");
    }

    /** Le philosophe i pose ses deux baguettes et quitte la table. */
    public void poser(int i) {
        // TODO 3 : poser les deux baguettes, puis rendre la place.
        throw new UnsupportedOperationException("TP philosophes : à compléter"
                + " — Table.poser");
    }
    // end::squelette[]

    public int taille() {
        return n;
    }
}
