package fr.progsys.tp.serveurmq;

import static fr.progsys.posix.OpenFlags.O_CREAT;
import static fr.progsys.posix.OpenFlags.O_EXCL;
import static fr.progsys.posix.OpenFlags.O_RDWR;
import static fr.progsys.posix.OpenFlags.O_WRONLY;

import fr.progsys.posix.MessageQueue;

/** Solution du TP serveur de calcul par file de messages. */
public final class ServeurMq implements AutoCloseable {

    private final String nom;
    private final MessageQueue file;

    // tag::solution-serveur[]
    public ServeurMq(String nom) {
        this.nom = nom;
        file = MessageQueue.open(nom, O_CREAT | O_EXCL | O_RDWR, 0600,
                MessageQueue.Attributes.of(MessagesMq.CAPACITE,
                        MessagesMq.TAILLE));
    }

    public void servir() {
        while (true) {
            // mq_receive : la plus ancienne des plus prioritaires d'abord
            String texte = file.receive().text();
            if (texte.equals(MessagesMq.STOP)) {
                return;
            }
            MessagesMq.Requete r = MessagesMq.Requete.lire(texte);
            MessagesMq.Reponse rep = new MessagesMq.Reponse(r.id(),
                    MessagesMq.calcul(r.x()));
            // La réponse part dans la file que nomme la requête : celle de
            // ce client, et d'aucun autre.
            try (MessageQueue client = MessageQueue.open(r.fileReponse(),
                    O_WRONLY)) {
                client.send(rep.texte(), MessagesMq.NORMALE);
            }
        }
    }

    @Override
    public void close() {
        file.close();
        MessageQueue.unlink(nom); // sinon la file survit au processus
    }
    // end::solution-serveur[]
}
