package fr.progsys.ipc.mq;

import static fr.progsys.posix.OpenFlags.O_CREAT;
import static fr.progsys.posix.OpenFlags.O_EXCL;
import static fr.progsys.posix.OpenFlags.O_RDWR;

import fr.progsys.Example;
import fr.progsys.posix.MessageQueue;
import fr.progsys.posix.MessageQueue.Attributes;
import fr.progsys.posix.PosixException;

/**
 * mq_unlink retire le nom tout de suite, mais la file vit tant qu'un
 * descripteur reste ouvert.
 */
@Example(name = "ipc.mq.unlink", slides = {"I08"},
        value = "Après mq_unlink, le nom disparaît mais la file ouverte marche")
public final class MqUnlink {

    private MqUnlink() {
    }

    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "/progsys-unlink";
        // tag::main[]
        try (MessageQueue q = MessageQueue.open(name,
                O_CREAT | O_EXCL | O_RDWR, 0600, Attributes.of(4, 32))) {
            MessageQueue.unlink(name); // le nom n'existe plus…
            try {
                MessageQueue.open(name, O_RDWR).close();
            } catch (PosixException e) {
                System.out.println("mq_open après mq_unlink : "
                        + e.errnoName());
            }
            q.send("encore là", 1); // … mais la file, si
            System.out.println("reçu : " + q.receive().text());
        } // mq_close : dernier descripteur fermé, la file disparaît
        // end::main[]
    }
}
