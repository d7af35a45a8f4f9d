package fr.progsys.tp.prodcons;

/**
 * Code fourni : les cases du tampon, un simple tableau sans aucune
 * protection. Chaque accès prévient une sonde : les tests s'en servent pour
 * voir si deux threads y entrent en même temps, et pour les y retenir.
 *
 * @param <T> le type des éléments
 */
public final class Cases<T> {

    /** Observateur des accès aux cases. */
    public interface Sonde {

        /** La sonde qui ne fait rien. */
        Sonde AUCUNE = new Sonde() {
        };

        /** Un thread entre dans une case (lecture ou écriture). */
        default void entree(int indice) throws InterruptedException {
        }

        /** Il en sort. */
        default void sortie(int indice) {
        }
    }

    private final Object[] cases;
    private final Sonde sonde;

    public Cases(int capacite) {
        this(capacite, Sonde.AUCUNE);
    }

    public Cases(int capacite, Sonde sonde) {
        this.cases = new Object[capacite];
        this.sonde = sonde;
    }

    public int capacite() {
        return cases.length;
    }

    /** Écrit x dans la case i. */
    public void ecrire(int i, T x) throws InterruptedException {
        sonde.entree(i);
        try {
            cases[i] = x;
        } finally {
            sonde.sortie(i);
        }
    }

    /** Lit et vide la case i. */
    @SuppressWarnings("unchecked")
    public T lire(int i) throws InterruptedException {
        sonde.entree(i);
        try {
            T x = (T) cases[i];
            cases[i] = null;
            return x;
        } finally {
            sonde.sortie(i);
        }
    }
}
