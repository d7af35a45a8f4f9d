package fr.progsys.threads;

import java.util.concurrent.locks.ReentrantLock;

import fr.progsys.Example;
import fr.progsys.threads.support.Race;
import fr.progsys.threads.support.Thousands;

/**
 * Le compteur de {@link UnsafeCounter}, protégé par un verrou : chaque
 * incrément se fait en exclusion mutuelle, aucun ne se perd. Deux verrous au
 * choix : le moniteur de {@code synchronized} (l'équivalent de
 * {@code PTHREAD_MUTEX_INITIALIZER} : rien à initialiser) ou un
 * {@link ReentrantLock}, dont le constructeur prend l'attribut « équitable ».
 */
@Example(name = "threads.locked-counter", slides = {"T14", "T16"},
        value = "Le même compteur sous verrou : exactement 30 000 000")
public final class LockedCounter {

    static final int THREADS = 3;
    static final int INCREMENTS = 10_000_000;

    private LockedCounter() {
    }

    // tag::synchronized[]
    private static final Object MONITOR = new Object(); // le mutex
    private static int counter; // protégé par MONITOR

    static void incrementSynchronized() {
        synchronized (MONITOR) { // lock ... unlock, même en cas d'exception
            counter++;
        }
    }
    // end::synchronized[]

    // tag::lock[]
    /** false : pas équitable (le défaut, plus rapide) ; true : premier arrivé. */
    private static final ReentrantLock LOCK = new ReentrantLock(false);

    static void incrementLocked() {
        LOCK.lock();       // pthread_mutex_lock
        try {
            counter++;
        } finally {
            LOCK.unlock(); // pthread_mutex_unlock, toujours dans un finally
        }
    }
    // end::lock[]

    /** La valeur du compteur protégé (pour les tests). */
    static int value() {
        synchronized (MONITOR) {
            return counter;
        }
    }

    /** Remet le compteur à zéro (pour les tests). */
    static void reset() {
        synchronized (MONITOR) {
            counter = 0;
        }
    }

    /** Remet le compteur à zéro, fait courir les threads, rend le total. */
    static int count(Runnable increment, int threads, int n)
            throws InterruptedException {
        counter = 0;
        Race.run(threads, n, increment);
        return counter; // lu après les join : la valeur finale
    }

    // tag::main[]
    public static void main(String[] args) throws InterruptedException {
        boolean useLock = args.length > 0 && args[0].equals("lock");
        Runnable increment = useLock ? LockedCounter::incrementLocked
                : LockedCounter::incrementSynchronized;
        int total = count(increment, THREADS, INCREMENTS);
        System.out.println("verrou  : "
                + (useLock ? "ReentrantLock" : "synchronized"));
        System.out.println("attendu : " + Thousands.of(THREADS * INCREMENTS));
        System.out.println("obtenu  : " + Thousands.of(total));
    }
    // end::main[]
}
