package fr.progsys.tp.serveurmq;

import fr.progsys.posix.MessageQueue;

/**
 * TP serveur de calcul par file de messages : le serveur lit les requêtes
 * dans sa file, la plus urgente d'abord, et répond à chacune dans la file
 * que nomme la requête.
 */
public final class ServeurMq implements AutoCloseable {

    // tag::etat[]
    private final String nom;
    private final MessageQueue file;
    // end::etat[]

    // tag::squelette[]
    /** Crée la file du serveur ; elle ne doit pas déjà exister. */
    public ServeurMq(String nom) {
        this.nom = nom;
        // TODO 1 : MessageQueue.open(nom, O_CREAT | O_EXCL | O_RDWR, 0600,
        //          Attributes.of(MessagesMq.CAPACITE, MessagesMq.TAILLE)).
        throw new UnsupportedOperationException("TP serveurmq : à compléter"
                + " — créer la file du serveur (ServeurMq)");
    }

    /** Sert les requêtes jusqu'au message STOP. */
    public void servir() {
        // TODO 2 : boucle : receive (bloque si la file est vide ; rend la
        //          plus ancienne des plus prioritaires). STOP : rendre la main.
        // TODO 3 : décoder la Requete, ouvrir SA file de réponse (O_WRONLY),
        //          y envoyer Reponse(id, MessagesMq.calcul(x)), la fermer.
        throw new UnsupportedOperationException("TP serveurmq : à compléter"
                + " — ServeurMq.servir");
    }

    /** Ferme la file et la supprime (mq_unlink) : rien ne doit rester. */
    @Override
    public void close() {
        // TODO 4 : close, puis MessageQueue.unlink(nom).
        throw new UnsupportedOperationException("TP serveurmq : à compléter"
                + " — ServeurMq.close");
    }
    // end::squelette[]
}
