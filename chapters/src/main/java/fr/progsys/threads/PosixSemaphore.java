package fr.progsys.threads;

import fr.progsys.Example;
import fr.progsys.posix.UnnamedSemaphore;

/**
 * Le vrai sémaphore POSIX anonyme, par la liaison native : {@code sem_init}
 * dans une mémoire native de ce processus, avec {@code pshared = 0}, donc
 * partagé par ses threads ; puis {@code sem_wait}, {@code sem_trywait},
 * {@code sem_post} et {@code sem_destroy} (à la fermeture).
 */
@Example(name = "threads.posix-semaphore", slides = {"T17", "T18"},
        value = "Le sémaphore POSIX anonyme (sem_init, pshared = 0) par jnr")
public final class PosixSemaphore {

    private PosixSemaphore() {
    }

    // tag::main[]
    public static void main(String[] args) throws InterruptedException {
        try (UnnamedSemaphore sem = new UnnamedSemaphore(1)) { // sem_init
            sem.await();                                       // sem_wait
            System.out.println("main : sem_wait passé, valeur " + sem.value());
            System.out.println("main : sem_trywait = " + sem.tryWait()
                    + " (EAGAIN en C)");
            Thread waiter = new Thread(() -> {
                System.out.println("cadette : sem_wait, j'attends");
                sem.await(); // valeur 0 : bloque dans le noyau (futex)
                System.out.println("cadette : sem_wait rendu, jeton pris");
            }, "cadette");
            waiter.start();
            sem.post(); // sem_post : 0 -> 1, ou réveil de cadette
            waiter.join();
            System.out.println("main : valeur finale " + sem.value());
        } // close() : sem_destroy
    }
    // end::main[]
}
