package fr.progsys.threads;

import fr.progsys.Example;
import fr.progsys.posix.Unistd;

/**
 * Trois threads, l'aînée, la cadette et la benjamine, exécutent la même
 * routine : deux boucles de calcul, avec un message d'identité et de
 * progression. L'ordre des lignes change d'une exécution à l'autre : c'est
 * l'ordonnanceur du noyau qui décide qui tourne quand.
 */
@Example(name = "threads.creation", slides = {"T04", "T05", "T06"},
        value = "Trois threads (aînée, cadette, benjamine) s'entrelacent")
public final class ThreadCreation {

    private ThreadCreation() {
    }

    // tag::routine[]
    /** La routine commune : l'équivalent de start_routine. */
    static void routine() {
        String me = Thread.currentThread().getName();
        // Chaque thread de plateforme (new Thread) est un thread du noyau :
        // son propre TID, mais le PID du processus, partagé par tous.
        System.out.printf("%s : je démarre (PID %d, TID %d)%n",
                me, Unistd.getpid(), Unistd.gettid());
        for (int step = 1; step <= 2; step++) {
            long sum = 0;
            for (int i = 0; i < 20_000_000; i++) { // du calcul, pas d'attente
                sum += i % 7;
            }
            System.out.printf("%s : boucle %d finie (%d)%n", me, step, sum);
        }
        System.out.printf("%s : je termine%n", me);
    }
    // end::routine[]

    // tag::main[]
    public static void main(String[] args) throws InterruptedException {
        String[] names = {"aînée", "cadette", "benjamine"};
        Thread[] threads = new Thread[names.length];
        for (int i = 0; i < names.length; i++) {
            // pthread_create : ici une erreur (plus de threads possibles…)
            // est une exception (OutOfMemoryError), pas un code de retour.
            threads[i] = new Thread(ThreadCreation::routine, names[i]);
            threads[i].start();
        }
        System.out.printf("main : trois threads lancés (PID %d)%n",
                Unistd.getpid());
        for (Thread t : threads) {
            t.join(); // attendre plutôt que dormir « assez longtemps »
        }
        System.out.println("main : tout le monde a fini");
    }
    // end::main[]
}
