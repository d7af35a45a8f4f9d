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
        //          table.poser(i). Puis attendre la fin de chacun (join).
        throw new UnsupportedOperationException("TP philosophes : à compléter"
                + " — Diner.diner");
    }
    // end::squelette[]
}
