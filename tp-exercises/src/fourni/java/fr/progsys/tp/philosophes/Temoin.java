package fr.progsys.tp.philosophes;

/**
 * Code fourni : l'observateur du repas, prévenu par chaque {@link Baguette}.
 * Les tests en donnent un qui vérifie les règles et peut retenir un
 * philosophe pour forcer un ordonnancement.
 */
public interface Temoin {

    /** Le témoin qui ne fait rien. */
    Temoin AUCUN = new Temoin() {
    };

    /** Le philosophe va demander la baguette (il peut bloquer). */
    default void attend(int philosophe, int baguette) {
    }

    /** Le philosophe vient d'obtenir la baguette. */
    default void prise(int philosophe, int baguette) throws InterruptedException {
    }

    /** Le philosophe rend la baguette. */
    default void posee(int philosophe, int baguette) {
    }
}
