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
 * Les échecs de mq_send et mq_receive : file pleine ou vide avec O_NONBLOCK
 * (EAGAIN), message trop grand ou tampon trop petit (EMSGSIZE).
 */
@Example(name = "ipc.mq.nonblocking", slides = {"I06", "I07"},
        value = "EAGAIN et EMSGSIZE : file pleine, vide, message trop grand")
public final class MqNonBlocking {

    private MqNonBlocking() {
    }

    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "/progsys-nonbloquant";
        // tag::main[]
        try (MessageQueue q = MessageQueue.open(name,
                O_CREAT | O_EXCL | O_RDWR | O_NONBLOCK, 0600,
                Attributes.of(2, 16))) { // 2 messages de 16 octets
            attempt("3e mq_send, file pleine", () -> {
                q.send("un", 0);
                q.send("deux", 0);
                q.send("trois", 0); // bloquerait sans O_NONBLOCK
            });
            attempt("mq_send de 17 octets", () -> q.send(new byte[17], 0));
            attempt("mq_receive, tampon de 15", () -> q.receive(15));
            attempt("mq_receive x 3", () -> {
                System.out.println("  " + q.receive().text());
                System.out.println("  " + q.receive().text());
                q.receive(); // bloquerait sans O_NONBLOCK
            });
        } finally {
            MessageQueue.unlink(name);
        }
        // end::main[]
    }

    // tag::attempt[]
    static void attempt(String what, Runnable call) {
        try {
            call.run();
            System.out.println(what + " : réussi");
        } catch (PosixException e) {
            System.out.println(what + " : " + e.errnoName());
        }
    }
    // end::attempt[]
}
