package fr.progsys.bench.compteur;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Le compteur partagé des diapositives T13 à T16 : 3 threads font chacun
 * 10 000 000 incréments, et l'on mesure le temps de l'ensemble (un seul tir par
 * itération JMH). Chaque méthode protège le compteur d'une autre façon.
 *
 * <p>La plus petite valeur finale de chaque variante (chauffe comprise) est
 * écrite dans le dossier donné par {@code -Dbench.valeurs} : la variante sans
 * verrou perd des incréments.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CompteurPartage {

    /** Nombre de threads. */
    public static final int THREADS = 3;
    /** Incréments par thread. */
    public static final int INCREMENTS = 10_000_000;

    /** volatile : chaque ++ lit et écrit la mémoire, mais ++ reste lecture puis écriture. */
    volatile int sansVerrou;
    int protegeMoniteur;
    final Object moniteur = new Object();
    int protegeVerrou;
    final ReentrantLock verrou = new ReentrantLock();
    final AtomicInteger atomique = new AtomicInteger();
    final LongAdder additionneur = new LongAdder();
    final AtomicLong sommeDesSommes = new AtomicLong();

    /** La plus petite valeur finale vue : celle qui montre le mieux les pertes. */
    long plusPetite = Long.MAX_VALUE;

    @Setup(Level.Invocation)
    public void remiseAZero() {
        sansVerrou = 0;
        protegeMoniteur = 0;
        protegeVerrou = 0;
        atomique.set(0);
        additionneur.reset();
        sommeDesSommes.set(0);
    }

    @TearDown(Level.Trial)
    public void noterLaValeur(BenchmarkParams params) throws IOException {
        String dossier = System.getProperty("bench.valeurs");
        if (dossier != null) {
            String nom = params.getBenchmark();
            nom = nom.substring(nom.lastIndexOf('.') + 1);
            Files.writeString(Path.of(dossier, nom + ".txt"), Long.toString(plusPetite));
        }
    }

    @Benchmark
    public long sansVerrou() {
        troisThreads(() -> {
            for (int i = 0; i < INCREMENTS; i++) {
                sansVerrou++; // lecture, +1, écriture : deux threads peuvent lire la même valeur
            }
            return 0;
        });
        return garder(sansVerrou);
    }

    @Benchmark
    public long synchronise() {
        troisThreads(() -> {
            for (int i = 0; i < INCREMENTS; i++) {
                synchronized (moniteur) {
                    protegeMoniteur++;
                }
            }
            return 0;
        });
        return garder(protegeMoniteur);
    }

    @Benchmark
    public long reentrantLock() {
        troisThreads(() -> {
            for (int i = 0; i < INCREMENTS; i++) {
                verrou.lock();
                try {
                    protegeVerrou++;
                } finally {
                    verrou.unlock();
                }
            }
            return 0;
        });
        return garder(protegeVerrou);
    }

    @Benchmark
    public long atomicInteger() {
        troisThreads(() -> {
            for (int i = 0; i < INCREMENTS; i++) {
                atomique.incrementAndGet(); // une instruction lock xadd
            }
            return 0;
        });
        return garder(atomique.get());
    }

    @Benchmark
    public long longAdder() {
        troisThreads(() -> {
            for (int i = 0; i < INCREMENTS; i++) {
                additionneur.increment(); // une case par thread en cas de conflit
            }
            return 0;
        });
        return garder(additionneur.sum());
    }

    @Benchmark
    public long sommesLocales() {
        troisThreads(() -> {
            int locale = 0;
            for (int i = 0; i < INCREMENTS; i++) {
                locale++; // rien de partagé pendant la boucle
            }
            return locale;
        });
        return garder(sommeDesSommes.get());
    }

    private long garder(long valeur) {
        plusPetite = Math.min(plusPetite, valeur);
        return valeur;
    }

    /** Lance 3 threads, attend leur fin, ajoute ce que chacun rend. */
    private void troisThreads(IntSupplier travail) {
        Thread[] threads = new Thread[THREADS];
        for (int t = 0; t < THREADS; t++) {
            threads[t] = new Thread(() -> sommeDesSommes.addAndGet(travail.getAsInt()));
            threads[t].start();
        }
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("mesure interrompue", e);
        }
    }
}
