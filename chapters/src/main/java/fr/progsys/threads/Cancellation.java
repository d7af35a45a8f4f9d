package fr.progsys.threads;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import fr.progsys.Example;

/**
 * L'analogue Java de {@code pthread_cancel} : {@link Thread#interrupt()}. Ce
 * n'est qu'une demande, un drapeau : une attente interruptible
 * ({@code sleep}, {@code take}, {@code wait}, {@code join}…) se termine en
 * levant {@link InterruptedException}, que le code peut attraper ; un calcul
 * ne s'arrête que s'il consulte {@link Thread#interrupted()} (l'analogue de
 * {@code pthread_testcancel}). Une boucle qui ne vérifie jamais continue de
 * tourner, et certaines attentes ({@code synchronized}, {@code Lock.lock()},
 * lecture d'une socket {@code java.io}) ignorent la demande.
 */
@Example(name = "threads.cancel", slides = {"T12"},
        value = "Annuler un thread : interrupt(), points d'annulation")
public final class Cancellation {

    /** Le drapeau qui arrête la têtue, puisque interrupt() ne le peut pas. */
    static volatile boolean stubbornMayRun = true;

    private Cancellation() {
    }

    // tag::routines[]
    /** Bloquée dans take() : une attente interruptible. */
    static void sleeper(BlockingQueue<String> mailbox) {
        try {
            mailbox.take(); // personne n'écrit : bloque indéfiniment
        } catch (InterruptedException e) {
            System.out.println("dormeuse : interrompue pendant take()");
        }
    }

    /** Boucle de calcul qui teste l'annulation : pthread_testcancel. */
    static void checker() {
        long turns = 0;
        while (!Thread.interrupted()) {
            turns++;
        }
        System.out.println("vérificatrice : interrompue, je m'arrête");
    }

    /** Boucle de calcul qui ne vérifie jamais : interrupt() n'y peut rien. */
    static void stubborn() {
        long turns = 0;
        while (stubbornMayRun) {
            turns++;
        }
        System.out.println("têtue : arrêtée par mon drapeau, pas par interrupt");
    }
    // end::routines[]

    // tag::main[]
    public static void main(String[] args) throws InterruptedException {
        BlockingQueue<String> mailbox = new LinkedBlockingQueue<>();
        Thread sleeper = new Thread(() -> sleeper(mailbox), "dormeuse");
        Thread checker = new Thread(Cancellation::checker, "vérificatrice");
        Thread stubborn = new Thread(Cancellation::stubborn, "têtue");
        for (Thread t : new Thread[] {sleeper, checker, stubborn}) {
            t.start();
        }
        while (sleeper.getState() != Thread.State.WAITING) {
            Thread.onSpinWait(); // attendre que dormeuse soit dans take()
        }
        for (Thread t : new Thread[] {sleeper, checker, stubborn}) {
            t.interrupt(); // une DEMANDE d'annulation, rien de plus
        }
        sleeper.join();
        checker.join();
        stubborn.join(200); // attente bornée : elle ne s'arrêtera pas seule
        System.out.println("main : têtue tourne encore : " + stubborn.isAlive());
        stubbornMayRun = false;
        stubborn.join();
    }
    // end::main[]
}
