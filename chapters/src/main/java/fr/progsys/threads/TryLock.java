package fr.progsys.threads;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

import fr.progsys.Example;

/**
 * {@code pthread_mutex_trylock} en Java : {@link ReentrantLock#tryLock()}
 * prend le verrou s'il est libre et rend {@code false} tout de suite s'il est
 * tenu par un autre thread (EBUSY en C), sans jamais bloquer.
 */
@Example(name = "threads.trylock", slides = {"T15"},
        value = "lock, tryLock, unlock : tryLock échoue tant qu'un autre tient")
public final class TryLock {

    private TryLock() {
    }

    // tag::main[]
    public static void main(String[] args) throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch mayRelease = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            lock.lock(); // pthread_mutex_lock
            try {
                System.out.println("gardienne : je tiens le verrou");
                held.countDown();
                mayRelease.await(); // garde le verrou jusqu'au signal
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                lock.unlock(); // pthread_mutex_unlock
                System.out.println("gardienne : verrou rendu");
            }
        }, "gardienne");
        holder.start();
        held.await();
        System.out.println("main : tryLock() = " + lock.tryLock()); // false
        mayRelease.countDown();
        holder.join();
        boolean mine = lock.tryLock();                               // true
        System.out.println("main : tryLock() = " + mine);
        if (mine) {
            lock.unlock();
        }
    }
    // end::main[]
}
