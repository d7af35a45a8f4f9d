package fr.progsys.posix;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Protège une ressource native (descripteur, {@code sem_t *}, projection) contre
 * l'usage après fermeture.
 *
 * <p>Chaque appel natif passe par {@link #call}, {@link #run} ou
 * {@link #syscall}, qui l'encadrent par {@link #enter()} / {@link #exit()}.
 * {@link #close()} interdit les nouveaux usages ; la vraie libération
 * (mq_close, sem_close, munmap…) n'a lieu que lorsque le dernier appel en
 * cours est revenu. Ainsi un thread bloqué dans {@code sem_wait} ne voit
 * jamais la mémoire du sémaphore disparaître sous lui, et un numéro de
 * descripteur fermé puis réutilisé par le noyau n'est jamais touché par erreur.
 */
final class Guard {

    /** Bit 0 : fermé ; bits suivants : nombre d'appels en cours. */
    private final AtomicInteger state = new AtomicInteger();
    private final AtomicBoolean released = new AtomicBoolean();
    private final String what;
    private final Runnable release;

    /**
     * @param what ce qui est protégé, pour le message d'erreur (« file de messages /x »)
     * @param release la libération native, exécutée une seule fois
     */
    Guard(String what, Runnable release) {
        this.what = what;
        this.release = release;
    }

    /** Début d'un usage ; {@link IllegalStateException} si la ressource est fermée. */
    void enter() {
        while (true) {
            int s = state.get();
            if ((s & 1) != 0) {
                throw closed();
            }
            if (state.compareAndSet(s, s + 2)) {
                return;
            }
        }
    }

    /** L'exception d'un usage après {@link #close()}. */
    IllegalStateException closed() {
        return new IllegalStateException(what + " : déjà fermé(e), plus utilisable");
    }

    /** Fin d'un usage commencé par {@link #enter()}. */
    void exit() {
        if (state.addAndGet(-2) == 1) {
            finish();
        }
    }

    /** Vrai tant que {@link #close()} n'a pas été appelé. */
    boolean isOpen() {
        return (state.get() & 1) == 0;
    }

    /**
     * Ferme : plus aucun nouvel usage. La libération est immédiate s'il n'y a
     * pas d'appel en cours, sinon différée au retour du dernier.
     *
     * @return faux si c'était déjà fermé (fermer deux fois est sans effet)
     */
    boolean close() {
        while (true) {
            int s = state.get();
            if ((s & 1) != 0) {
                return false;
            }
            if (state.compareAndSet(s, s | 1)) {
                if (s == 0) {
                    finish();
                }
                return true;
            }
        }
    }

    /** {@code body} entre {@link #enter()} et {@link #exit()}, même s'il lève. */
    <T> T call(Supplier<T> body) {
        enter();
        try {
            return body.get();
        } finally {
            exit();
        }
    }

    /** {@link #call} sans résultat. */
    void run(Runnable body) {
        enter();
        try {
            body.run();
        } finally {
            exit();
        }
    }

    /**
     * Un appel système gardé qui rend −1 en cas d'échec, comme en C : le −1
     * devient une {@link PosixException} portant errno et l'appel décrit par
     * {@code call} (construit seulement en cas d'échec).
     */
    long syscall(LongSupplier nativeCall, Supplier<String> call) {
        enter();
        try {
            long result = nativeCall.getAsLong();
            if (result == -1) {
                throw PosixException.last(call.get());
            }
            return result;
        } finally {
            exit();
        }
    }

    private void finish() {
        if (released.compareAndSet(false, true)) {
            release.run();
        }
    }
}
