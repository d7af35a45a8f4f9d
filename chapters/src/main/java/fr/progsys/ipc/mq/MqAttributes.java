package fr.progsys.ipc.mq;

import static fr.progsys.posix.OpenFlags.O_CREAT;
import static fr.progsys.posix.OpenFlags.O_EXCL;
import static fr.progsys.posix.OpenFlags.O_NONBLOCK;
import static fr.progsys.posix.OpenFlags.O_RDWR;

import fr.progsys.Example;
import fr.progsys.posix.MessageQueue;
import fr.progsys.posix.MessageQueue.Attributes;
import fr.progsys.posix.PosixException;

/**
 * Ouvrir une file (O_CREAT, O_EXCL), relire ses attributs, voir les limites
 * du système, et constater que mq_setattr ne change que O_NONBLOCK.
 */
@Example(name = "ipc.mq.attributes", slides = {"I03", "I04", "I05"},
        value = "mq_open, mq_getattr, mq_setattr et les limites du système")
public final class MqAttributes {

    private MqAttributes() {
    }

    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "/progsys-attributs";
        // tag::open[]
        Attributes wanted = Attributes.of(5, 128); // 5 messages de 128 o
        try (MessageQueue q = MessageQueue.open(name,
                O_CREAT | O_EXCL | O_RDWR, 0600, wanted)) {
            System.out.println("mq_open -> mqd_t " + q.descriptor());
            q.send("bonjour", 0);
            System.out.println("mq_getattr :\n  " + q.getAttributes());
            // end::open[]
            // tag::excl[]
            try { // la file existe : O_CREAT|O_EXCL échoue
                MessageQueue.open(name, O_CREAT | O_EXCL | O_RDWR,
                        0600, wanted).close();
            } catch (PosixException e) {
                System.out.println("second mq_open : " + e.errnoName());
            }
            // end::excl[]
            // tag::setattr[]
            // On demande 9 messages de 999 octets ET O_NONBLOCK :
            // seul O_NONBLOCK est pris en compte.
            q.setAttributes(new Attributes(O_NONBLOCK, 9, 999, 0));
            System.out.println("après mq_setattr :\n  " + q.getAttributes());
            // end::setattr[]
        } finally {
            MessageQueue.unlink(name);
        }
        // tag::limits[]
        MessageQueue.Limits l = MessageQueue.limits();
        System.out.println("/proc/sys/fs/mqueue : msg_max=" + l.msgMax()
                + " msgsize_max=" + l.msgsizeMax()
                + " queues_max=" + l.queuesMax());
        System.out.println("sysconf(_SC_MQ_PRIO_MAX) = "
                + MessageQueue.priorityMax());
        // end::limits[]
    }
}
