package fr.progsys.tp.philosophes;

import java.util.concurrent.Semaphore;

/**
 * Solution du TP philosophes : une baguette par sémaphore binaire, et le
 * sémaphore « veut-manger » à n − 1 qui rend l'interblocage impossible.
 */
public final class Table {

    private final int n;
    private final Baguette[] baguettes;
    private final Semaphore veutManger;

    public Table(int n) {
        this(n, Temoin.AUCUN);
    }

    // tag::solution[]
    public Table(int n, Temoin temoin) {
        this.n = n;
        baguettes = new Baguette[n];
        for (int b = 0; b < n; b++) {
            baguettes[b] = new Baguette(b, temoin);
        }
        // Au plus n − 1 philosophes à table : l'un d'eux au moins trouvera
        // ses deux baguettes libres, le cycle d'attente ne peut pas se fermer.
        veutManger = new Semaphore(n - 1);
    }

    public void prendre(int i) throws InterruptedException {
        veutManger.acquire();
        try {
            baguettes[i].prendre(i);
            try {
                baguettes[(i + 1) % n].prendre(i);
            } catch (InterruptedException e) {
                baguettes[i].poser(i); // interrompu : ne rien garder
                throw e;
            }
        } catch (InterruptedException e) {
            veutManger.release();
            throw e;
        }
    }

    public void poser(int i) {
        baguettes[(i + 1) % n].poser(i);
        baguettes[i].poser(i);
        veutManger.release();
    }
    // end::solution[]

    public int taille() {
        return n;
    }
}
