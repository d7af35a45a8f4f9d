package fr.progsys.tp.philosophes;

/** Solution du TP philosophes : le dîner, un thread par philosophe. */
public final class Diner {

    private Diner() {
    }

    // tag::solution[]
    public static void diner(Table table, int repas, Mangeur mangeur)
            throws InterruptedException {
        Thread[] philosophes = new Thread[table.taille()];
        for (int i = 0; i < philosophes.length; i++) {
            int moi = i;
            philosophes[i] = new Thread(() -> {
                try {
                    for (int r = 0; r < repas; r++) {
                        table.prendre(moi);
                        try {
                            mangeur.manger(moi);
                        } finally {
                            table.poser(moi);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // fin demandée
                }
            }, "philosophe-" + i);
            philosophes[i].start();
        }
        for (Thread t : philosophes) {
            t.join();
        }
    }
    // end::solution[]
}
