package fr.progsys.correction;

import java.util.List;

/**
 * Le résultat d'un TP d'un étudiant.
 *
 * @param statut  pass (tout passe), fail (au moins un test en échec),
 *                error (aucun test n'a pu tourner : ne compile pas…)
 * @param message le message d'ensemble (seulement pour error)
 * @param remarque ce que le tableau des notes signale (« ne compile pas »,
 *                « délai dépassé »…), vide sinon
 * @param sortie  ce que l'exécution a écrit (tronqué)
 */
record Resultat(String tp, int total, String statut, String message, String remarque,
        List<Cas> tests, String sortie, double secondes) {

    /** Un test : intitulé, statut (pass, fail, error), message, code du test. */
    record Cas(String nom, String classe, String methode, String statut,
            String message, long ms, String code) {
    }

    int passes() {
        return (int) tests.stream().filter(t -> t.statut().equals("pass")).count();
    }

    String note() {
        return passes() + "/" + total;
    }
}
