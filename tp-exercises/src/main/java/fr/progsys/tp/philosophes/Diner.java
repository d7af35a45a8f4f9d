package fr.progsys.tp.philosophes;

/** TP philosophes : le dîner, un thread par philosophe. */
public final class Diner {

    private Diner() {
    }

    // tag::squelette[]
    /**
     * Fait dîner les philosophes de la table : un thread par philosophe,
     * chacun mange {@code repas} fois (prendre, manger, poser). Rend la main
     * quand tous ont fini.
     */
    public static void diner(Table table, int repas, Mangeur mangeur)
            throws InterruptedException {
        // TODO 4 : démarrer table.taille() threads ; le thread i répète
        //          repas fois : table.prendre(i), mangeur.manger(i),
        //          table.poser(i) (dans un finally : toujours poser ce qu'on
        //          a pris). Une InterruptedException veut dire « arrête-toi » :
        //          le thread s'arrête, il ne continue pas le dîner. Puis
        //          attendre la fin de chacun des threads (join sur chacun).
        throw new UnsupportedOperationException("TP philosophes : à compléter"
                + " — Diner.diner");
    }
    // end::squelette[]
}
