package fr.progsys.threads;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import fr.progsys.Example;

/**
 * Ce que devient {@code pthread_create(&thread, attr, start_routine, arg)} en
 * Java : {@code thread} est l'objet {@link Thread}, {@code start_routine} un
 * {@link Runnable}, {@code arg} une valeur capturée par la lambda, et
 * {@code attr} les réglages faits avant {@code start()} (nom, démon,
 * priorité, taille de pile), souvent regroupés dans une {@link ThreadFactory}.
 * Tout thread, démon ou non, reste joignable ; sous Linux, HotSpot ignore par
 * défaut la priorité ({@code -XX:ThreadPriorityPolicy=0}).
 * Les erreurs sont des exceptions, pas des codes de retour.
 */
@Example(name = "threads.attributes", slides = {"T03"},
        value = "pthread_create en Java : Runnable, argument, attributs, erreurs")
public final class ThreadAttributes {

    private ThreadAttributes() {
    }

    // tag::factory[]
    /** Les « attributs » communs à tous les threads qu'elle fabrique. */
    static ThreadFactory workers(String prefix) {
        AtomicInteger next = new AtomicInteger(1);
        return routine -> {
            Thread t = new Thread(routine, prefix + "-" + next.getAndIncrement());
            t.setDaemon(false);                  // ordinaire : retient la JVM
            t.setPriority(Thread.NORM_PRIORITY); // une indication (voir texte)
            t.setUncaughtExceptionHandler((th, e) -> System.out.println(
                    th.getName() + " : échec, " + e.getMessage()));
            return t;
        };
    }
    // end::factory[]

    // tag::main[]
    public static void main(String[] args) throws InterruptedException {
        ThreadFactory factory = workers("ouvrier");
        String arg = "bonjour";          // l'argument arg de pthread_create
        Thread t1 = factory.newThread(   // start_routine : un Runnable
                () -> System.out.println(Thread.currentThread().getName()
                        + " : reçu « " + arg + " »"));
        t1.start();
        t1.join();
        try {
            t1.start(); // un thread ne démarre qu'une fois
        } catch (IllegalThreadStateException e) {
            System.out.println("main : second start() refusé ("
                    + e.getClass().getSimpleName() + ")");
        }
        // Une exception dans la routine termine CE thread seulement.
        Thread t2 = factory.newThread(() -> {
            throw new IllegalStateException("donnée invalide");
        });
        t2.start();
        t2.join();
        System.out.println("main : toujours là après l'échec de "
                + t2.getName());
    }
    // end::main[]
}
