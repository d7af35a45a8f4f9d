package fr.progsys.threads;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import fr.progsys.Example;
import fr.progsys.posix.Unistd;

/**
 * Ce que les threads partagent et ce qui est à chacun : le tas et les champs
 * statiques sont communs à tout le processus ; les variables locales vivent
 * sur la pile du thread qui les déclare. Chaque thread de plateforme (créé
 * par {@code new Thread}) est un thread du noyau (modèle 1:1) : son propre
 * TID, le PID de tous. Les threads virtuels de Java 21 ne suivent pas ce
 * modèle.
 */
@Example(name = "threads.heap-stack", slides = {"T02"},
        value = "Tas et statiques partagés, pile propre, un TID par thread")
public final class HeapAndStack {

    private HeapAndStack() {
    }

    // tag::shared[]
    /** Un champ statique : une seule case, dans le tas, pour tous les threads. */
    static final List<String> GUESTBOOK =
            Collections.synchronizedList(new ArrayList<>());

    static void routine() {
        String me = Thread.currentThread().getName();
        int steps = 0; // variable locale : sur la pile de CE thread
        for (int i = 0; i < 1_000; i++) {
            steps++;
        }
        GUESTBOOK.add(me); // écrit dans le tas : visible de tous
        System.out.printf("%-9s : PID %d, TID %d, steps = %d%n",
                me, Unistd.getpid(), Unistd.gettid(), steps);
    }
    // end::shared[]

    // tag::main[]
    public static void main(String[] args) throws InterruptedException {
        System.out.printf("%-9s : PID %d, TID %d%n",
                "main", Unistd.getpid(), Unistd.gettid());
        List<Thread> threads = new ArrayList<>();
        for (String name : List.of("aînée", "cadette", "benjamine")) {
            Thread t = new Thread(HeapAndStack::routine, name);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(); // après join, tout ce que t a écrit est visible ici
        }
        System.out.println("main : livre d'or = " + GUESTBOOK);
    }
    // end::main[]
}
