package fr.progsys.ipc.mq;

import static fr.progsys.posix.OpenFlags.O_CREAT;
import static fr.progsys.posix.OpenFlags.O_WRONLY;

import fr.progsys.Example;
import fr.progsys.posix.MessageQueue;
import fr.progsys.posix.MessageQueue.Attributes;

/**
 * Le producteur : dépose des messages de priorités différentes dans la file,
 * puis « fin » en priorité 0. Lancé avant le consommateur, il remplit la file
 * et le consommateur voit l'ordre des priorités.
 */
@Example(name = "ipc.mq.producer", slides = {"I06"},
        value = "Producteur : mq_send avec priorités (avec ipc.mq.consumer)")
public final class MqProducer {

    /** Les messages et leur priorité, dans l'ordre d'envoi. */
    static final String[] TEXTS = {"routine", "urgent", "normal",
            "très urgent", "routine bis"};
    static final int[] PRIORITIES = {0, 9, 3, 20, 0};

    /** Dix messages de 64 octets au plus : assez pour tout déposer d'un coup. */
    static final Attributes ATTRIBUTES = Attributes.of(10, 64);

    private MqProducer() {
    }

    // tag::main[]
    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "/progsys-file";
        // O_CREAT sans O_EXCL : le premier lancé (producteur ou
        // consommateur) crée la file, l'autre l'ouvre.
        try (MessageQueue q = MessageQueue.open(name, O_CREAT | O_WRONLY,
                0600, ATTRIBUTES)) {
            for (int i = 0; i < TEXTS.length; i++) {
                // bloque si la file est pleine (10 messages)
                q.send(TEXTS[i], PRIORITIES[i]);
                System.out.printf("envoyé  %-12s priorité %2d%n",
                        TEXTS[i], PRIORITIES[i]);
            }
            q.send("fin", 0); // après les autres messages de priorité 0
            System.out.println("envoyé  fin");
        }
    }
    // end::main[]
}
