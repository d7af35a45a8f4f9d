package fr.progsys.ipc.mq;

import static fr.progsys.posix.OpenFlags.O_CREAT;
import static fr.progsys.posix.OpenFlags.O_RDONLY;

import fr.progsys.Example;
import fr.progsys.posix.MessageQueue;
import fr.progsys.posix.MessageQueue.Message;

/**
 * Le consommateur : retire les messages jusqu'à « fin », en affichant leur
 * priorité, puis supprime le nom de la file.
 */
@Example(name = "ipc.mq.consumer", slides = {"I07", "I08"},
        value = "Consommateur : mq_receive jusqu'à « fin » (avec ipc.mq.producer)")
public final class MqConsumer {

    private MqConsumer() {
    }

    // tag::main[]
    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "/progsys-file";
        try (MessageQueue q = MessageQueue.open(name, O_CREAT | O_RDONLY,
                0600, MqProducer.ATTRIBUTES)) {
            while (true) {
                // le plus ancien message de plus haute priorité ;
                // bloque tant que la file est vide
                Message m = q.receive();
                System.out.printf("reçu    %-12s priorité %2d%n",
                        m.text(), m.priority());
                if (m.text().equals("fin")) {
                    break;
                }
            }
        } finally {
            MessageQueue.unlink(name); // le nom disparaît
        }
    }
    // end::main[]
}
