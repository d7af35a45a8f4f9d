package fr.progsys.tp;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

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

    /** Vrai si le thread est suspendu dans un appel bloquant sans délai. */
    public static boolean bloque(Thread t) {
        Thread.State s = t.getState();
        return s == Thread.State.WAITING || s == Thread.State.BLOCKED;
    }

    @Override
    public void close() throws InterruptedException {
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            t.join(2_000);
        }
    }
}
