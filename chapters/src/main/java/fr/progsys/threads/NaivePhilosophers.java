package fr.progsys.threads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Semaphore;

import fr.progsys.Example;
import fr.progsys.threads.support.Race;

/**
 * Le dîner des philosophes, version naïve : une baguette entre deux bols, un
 * sémaphore à 1 par baguette, et chaque philosophe i prend la baguette i puis
 * la baguette i+1 mod n. Si tous prennent leur baguette gauche en même temps,
 * chacun attend la droite, que tient son voisin : interblocage.
 *
 * <p>Ici l'interblocage est provoqué exprès (une barrière attend que chacun
 * tienne sa gauche), puis détecté : tous les philosophes sont bloqués dans
 * {@code acquire()} et plus aucune baguette n'est libre. {@code main} les
 * interrompt alors pour finir proprement.
 */
@Example(name = "threads.philosophers", slides = {"T19"},
        value = "Philosophes naïfs : l'interblocage provoqué et détecté")
public final class NaivePhilosophers {

    static final List<String> NAMES =
            List.of("Platon", "Kant", "Spinoza", "Arendt", "Weil");

    /** Une baguette par place : un sémaphore à un jeton (baguette libre). */
    final List<Semaphore> chopsticks = new ArrayList<>();
    final List<Thread> philosophers = new ArrayList<>();
    private final Runnable afterLeft;

    /**
     * @param n         nombre de philosophes (et de baguettes)
     * @param afterLeft ce que fait chacun une fois la gauche en main
     */
    NaivePhilosophers(int n, Runnable afterLeft) {
        this.afterLeft = afterLeft;
        for (int i = 0; i < n; i++) {
            chopsticks.add(new Semaphore(1));
        }
        for (int i = 0; i < n; i++) {
            int seat = i;
            philosophers.add(new Thread(() -> dine(seat), NAMES.get(i % 5)));
        }
    }

    // tag::dine[]
    /** Le philosophe assis à la place i : gauche = i, droite = i+1 mod n. */
    void dine(int i) {
        int n = chopsticks.size();
        Semaphore left = chopsticks.get(i);
        Semaphore right = chopsticks.get((i + 1) % n);
        String me = Thread.currentThread().getName();
        try {
            left.acquire();                    // sem_wait(baguette i)
            System.out.printf("%-7s : baguette %d prise, j'attends la %d%n",
                    me, i, (i + 1) % n);
            afterLeft.run();
            right.acquire();                   // sem_wait(baguette i+1)
            System.out.printf("%-7s : je mange%n", me);
            right.release();                   // sem_post
            left.release();
        } catch (InterruptedException e) {     // annulation par main
            System.out.printf("%-7s : interrompu, je quitte la table%n", me);
        }
    }
    // end::dine[]

    // tag::detect[]
    /**
     * Interblocage : tous les philosophes attendent dans acquire() et plus
     * aucune baguette n'est libre. Personne ne pourra rendre la sienne.
     */
    boolean deadlocked() {
        return philosophers.stream()
                .allMatch(t -> t.getState() == Thread.State.WAITING)
                && chopsticks.stream()
                .allMatch(s -> s.availablePermits() == 0 && s.hasQueuedThreads());
    }
    // end::detect[]

    void start() {
        philosophers.forEach(Thread::start);
    }

    /** Interrompt tout le monde et attend que chacun ait quitté la table. */
    void stop() throws InterruptedException {
        philosophers.forEach(Thread::interrupt);
        for (Thread t : philosophers) {
            t.join();
        }
    }

    // tag::main[]
    public static void main(String[] args) throws InterruptedException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        // Provoquer le pire : personne ne tend la main droite avant que
        // tous tiennent leur gauche.
        CyclicBarrier allHoldLeft = new CyclicBarrier(n);
        NaivePhilosophers table =
                new NaivePhilosophers(n, () -> Race.await(allHoldLeft));
        table.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!table.deadlocked() && System.nanoTime() < deadline) {
            Thread.sleep(10); // observer, pas synchroniser : on sonde l'état
        }
        System.out.println("main : interblocage détecté : "
                + table.deadlocked());
        table.stop();
    }
    // end::main[]
}
