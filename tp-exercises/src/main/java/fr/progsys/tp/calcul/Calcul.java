package fr.progsys.tp.calcul;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

/**
 * TP calcul parallèle : découper un calcul entre plusieurs threads, récupérer
 * la valeur de chacun à la fin (join), et arrêter les autres dès que l'un a
 * trouvé (interruption, l'équivalent de pthread_cancel).
 */
public final class Calcul {

    private Calcul() {
    }

    // tag::squelette[]
    /**
     * Exécute chaque tâche dans son propre thread, toutes en même temps,
     * attend la fin de chacune (join) et rend leurs résultats dans l'ordre
     * des tâches, quel que soit l'ordre dans lequel elles finissent.
     */
    public static <R> List<R> enParallele(List<Callable<R>> taches)
            throws InterruptedException {
        // TODO 1 : un Thread par tâche ; chaque thread range son résultat
        //          dans SA case (indice de la tâche) ; join sur chacun, puis
        //          lire les cases. Une exception d'une tâche : la relancer
        //          (enveloppée dans une IllegalStateException).
        throw new UnsupportedOperationException("TP calcul : à compléter"
                + " — Calcul.enParallele");
    }

    /** La somme de t, calculée par n threads sur des tranches contiguës. */
    public static long somme(long[] t, int n) throws InterruptedException {
        // TODO 2 : n tâches, la tranche i va de i * t.length / n (inclus) à
        //          (i + 1) * t.length / n (exclu) ; enParallele ; additionner.
        throw new UnsupportedOperationException("TP calcul : à compléter"
                + " — Calcul.somme");
    }

    /**
     * Cherche un x de [debut, fin) accepté par le critère, avec n threads sur
     * des tranches contiguës. Le premier qui trouve interrompt les autres ;
     * chercher rend la main quand tous les threads sont finis.
     */
    public static OptionalLong chercher(long debut, long fin, int n,
            Critere critere) throws InterruptedException {
        // TODO 3 : démarrer les n threads ; chacun parcourt sa tranche et
        //          s'arrête s'il est interrompu (Thread.interrupted() à
        //          chaque pas, ou InterruptedException du critère). Celui qui
        //          trouve garde la valeur et interrompt tous les autres.
        //          Attendre la fin de tous (join).
        throw new UnsupportedOperationException("TP calcul : à compléter"
                + " — Calcul.chercher");
    }
    // end::squelette[]
}
