package fr.progsys.threads;

import java.util.concurrent.Semaphore;

import fr.progsys.Example;

/**
 * Un sémaphore compte des jetons. {@code acquire()} (sem_wait) en prend un ou
 * attend qu'il y en ait ; {@code tryAcquire()} (sem_trywait) n'attend jamais ;
 * {@code release()} (sem_post) en rend un et réveille un thread qui attend.
 */
@Example(name = "threads.semaphore", slides = {"T17", "T18"},
        value = "java.util.concurrent.Semaphore : acquire, tryAcquire, release")
public final class SemaphoreBasics {

    private SemaphoreBasics() {
    }

    // tag::main[]
    public static void main(String[] args) throws InterruptedException {
        Semaphore sem = new Semaphore(1); // sem_init(&sem, 0, 1)
        sem.acquire();                    // 1 -> 0
        System.out.println("main : jeton pris, reste " + sem.availablePermits());
        System.out.println("main : tryAcquire() = " + sem.tryAcquire());
        Thread waiter = new Thread(() -> {
            try {
                sem.acquire(); // valeur 0 : bloque jusqu'au release()
                System.out.println("cadette : jeton obtenu");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cadette");
        waiter.start();
        while (!sem.hasQueuedThreads()) {
            Thread.onSpinWait(); // cadette n'est pas encore dans acquire()
        }
        System.out.println("main : cadette attend, je rends le jeton");
        sem.release();                    // 0 -> 1, réveille cadette
        waiter.join();
        System.out.println("main : fin, reste " + sem.availablePermits());
    }
    // end::main[]
}
