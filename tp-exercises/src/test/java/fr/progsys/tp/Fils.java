package fr.progsys.tp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Les threads d'un test : démons (un TP faux ne bloque pas la JVM), erreurs
 * gardées pour le test, tous interrompus à la fermeture.
 */
public final class Fils implements AutoCloseable {

    /** Le corps d'un thread de test. */
    @FunctionalInterface
    public interface Corps {
        void executer() throws Exception;
    }

    private final List<Thread> threads = new ArrayList<>();
    private final Queue<Throwable> erreurs = new ConcurrentLinkedQueue<>();

    public Thread demarrer(String nom, Corps corps) {
        Thread t = new Thread(() -> {
            try {
                corps.executer();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                erreurs.add(e);
            }
        }, nom);
        t.setDaemon(true);
        threads.add(t);
        t.start();
        return t;
    }

    /** Les erreurs levées dans les threads (hors interruption). */
    public Queue<Throwable> erreurs() {
        return erreurs;
    }

    /**
     * Relance la première erreur d'un thread du test (par exemple le « à
     * compléter » d'un squelette) : l'étudiant lit sa vraie raison.
     */
    public void relancerErreur() {
        Throwable e = erreurs.peek();
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error r) {
            throw r;
        }
        if (e != null) {
            throw new AssertionError(e.getClass().getSimpleName() + " : "
                    + e.getMessage(), e);
        }
    }

    /**
     * Comme {@link #attendreQue}, mais s'arrête dès qu'un thread du test a
     * levé une erreur, et la relance.
     */
    public void attendreSansErreurQue(String raison, Duration delai,
            BooleanSupplier condition) {
        attendreQue(raison, delai, () -> !erreurs.isEmpty()
                || condition.getAsBoolean());
        relancerErreur();
    }

    /** Vrai si le thread est suspendu dans un appel bloquant sans délai. */
    public static boolean bloque(Thread t) {
        Thread.State s = t.getState();
        return s == Thread.State.WAITING || s == Thread.State.BLOCKED;
    }

    /**
     * Vérifie que la condition reste vraie pendant toute la durée donnée
     * (« reste bloqué ») ; sinon l'échec dit pourquoi, en français.
     */
    public static void resteVrai(String raison, Duration duree,
            BooleanSupplier condition) {
        try {
            Awaitility.await().during(duree).atMost(duree.multipliedBy(3))
                    .pollInterval(Duration.ofMillis(10))
                    .until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(raison);
        }
    }

    /**
     * Attend que la condition devienne vraie, au plus le délai donné ;
     * sinon l'échec dit pourquoi, en français.
     */
    public static void attendreQue(String raison, Duration delai,
            BooleanSupplier condition) {
        try {
            Awaitility.await().atMost(delai).pollInterval(Duration.ofMillis(5))
                    .until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(raison);
        }
    }

    @Override
    public void close() {
        for (Thread t : threads) {
            t.interrupt();
        }
        boolean interrompu = false;
        for (Thread t : threads) {
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                interrompu = true; // on attend quand même les autres
            }
        }
        if (interrompu) {
            Thread.currentThread().interrupt();
        }
    }
}
