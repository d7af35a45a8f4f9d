package fr.progsys.tp.serveurmq;

import static fr.progsys.posix.OpenFlags.O_CREAT;
import static fr.progsys.posix.OpenFlags.O_EXCL;
import static fr.progsys.posix.OpenFlags.O_RDONLY;
import static fr.progsys.posix.OpenFlags.O_WRONLY;

import fr.progsys.posix.MessageQueue;

/** Solution du TP serveur de calcul, côté client. */
public final class ClientMq implements AutoCloseable {

    private final String nomReponses;
    private final MessageQueue serveur;
    private final MessageQueue reponses;
    private long id;

    // tag::solution-client[]
    public ClientMq(String nomServeur, String nomReponses) {
        this.nomReponses = nomReponses;
        reponses = MessageQueue.open(nomReponses, O_CREAT | O_EXCL | O_RDONLY,
                0600, MessageQueue.Attributes.of(MessagesMq.CAPACITE,
                        MessagesMq.TAILLE));
        serveur = MessageQueue.open(nomServeur, O_WRONLY);
    }

    public long calculer(long x, boolean urgent) {
        id++;
        serveur.send(new MessagesMq.Requete(nomReponses, id, x).texte(),
                urgent ? MessagesMq.URGENTE : MessagesMq.NORMALE);
        return MessagesMq.Reponse.lire(reponses.receive().text()).valeur();
    }

    @Override
    public void close() {
        serveur.close();
        reponses.close();
        MessageQueue.unlink(nomReponses);
    }
    // end::solution-client[]
}
