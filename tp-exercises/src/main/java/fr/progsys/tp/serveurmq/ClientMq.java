package fr.progsys.tp.serveurmq;

import fr.progsys.posix.MessageQueue;

/**
 * TP serveur de calcul, côté client : il crée sa propre file de réponse,
 * dont il met le nom dans chaque requête.
 */
public final class ClientMq implements AutoCloseable {

    // tag::etat[]
    private final String nomReponses;
    private final MessageQueue serveur;  // où écrire les requêtes
    private final MessageQueue reponses; // où lire les réponses (la sienne)
    private long id;
    // end::etat[]

    // tag::squelette[]
    /** Ouvre la file du serveur et crée sa file de réponse nomReponses. */
    public ClientMq(String nomServeur, String nomReponses) {
        this.nomReponses = nomReponses;
        // TODO 5 : créer la file de réponse (O_CREAT | O_EXCL | O_RDONLY,
        //          0600, mêmes attributs que le serveur) et ouvrir celle du
        //          serveur en écriture (O_WRONLY).
        throw new UnsupportedOperationException("TP serveurmq : à compléter"
                + " — créer et ouvrir les files (ClientMq)");
    }

    /** Envoie une requête, URGENTE ou NORMALE, et attend sa réponse. */
    public long calculer(long x, boolean urgent) {
        // TODO 6 : numéro suivant ; envoyer Requete(nomReponses, id, x) avec
        //          la bonne priorité ; recevoir la réponse dans sa file.
        throw new UnsupportedOperationException("TP serveurmq : à compléter"
                + " — ClientMq.calculer");
    }

    /** Ferme les deux files et supprime la sienne. */
    @Override
    public void close() {
        // TODO 7 : close des deux, unlink de nomReponses.
        throw new UnsupportedOperationException("TP serveurmq : à compléter"
                + " — ClientMq.close");
    }
    // end::squelette[]
}
