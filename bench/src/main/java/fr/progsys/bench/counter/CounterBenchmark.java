package fr.progsys.bench.counter;

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
 * itération JMH). Chaque méthode protège le compteur d'une autre façon ; son
 * nom est la clé de la variante dans {@code compteurs.csv} et dans le livre
 * ({@code noLock} est aussi celle de la même boucle dans {@code counter.c}).
 *
 * <p>Un jumeau de {@code UnsafeCounter} et {@code LockedCounter} (module
 * chapters), pas ces classes elles-mêmes : elles incrémentent un champ
 * statique par un {@code Runnable} appelé à chaque tour, dans les threads de
 * {@code Race} qui partent ensemble d'une barrière. Ici chaque boucle est
 * écrite en entier dans la méthode mesurée, sur les champs d'un état JMH
 * remis à zéro avant chaque tir, les threads partent dès leur création (sans
 * barrière, comme ceux de {@code counter.c}), et la mesure ajoute des
 * variantes que l'exemple ne montre pas ({@code AtomicInteger},
 * {@code LongAdder}, sommes locales). Les mesures enregistrées pour le livre
 * sont celles de ce code.
 *
 * <p>La plus petite valeur finale de chaque variante (chauffe comprise) est
 * écrite dans le dossier donné par {@code -Dbench.valeurs} : la variante sans
 * verrou perd des incréments.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CounterBenchmark {

    /** Nombre de threads. */
    public static final int THREADS = 3;
    /** Incréments par thread. */
    public static final int INCREMENTS = 10_000_000;

    /** volatile : chaque ++ lit et écrit la mémoire, mais ++ reste lecture puis écriture. */
    volatile int unprotected;
    int monitorGuarded;
    final Object monitor = new Object();
    int lockGuarded;
    final ReentrantLock lock = new ReentrantLock();
    final AtomicInteger atomic = new AtomicInteger();
    final LongAdder adder = new LongAdder();
    final AtomicLong sumOfSums = new AtomicLong();

    /** La plus petite valeur finale vue : celle qui montre le mieux les pertes. */
    long smallest = Long.MAX_VALUE;

    @Setup(Level.Invocation)
    public void reset() {
        unprotected = 0;
        monitorGuarded = 0;
        lockGuarded = 0;
        atomic.set(0);
        adder.reset();
        sumOfSums.set(0);
    }

    @TearDown(Level.Trial)
    public void recordValue(BenchmarkParams params) throws IOException {
        String dir = System.getProperty("bench.valeurs");
        if (dir != null) {
            String name = params.getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            Files.writeString(Path.of(dir, name + ".txt"), Long.toString(smallest));
        }
    }

    @Benchmark
    public long noLock() {
        threeThreads(() -> {
            for (int i = 0; i < INCREMENTS; i++) {
                unprotected++; // lecture, +1, écriture : deux threads peuvent lire la même valeur
            }
            return 0;
        });
        return keep(unprotected);
    }

    @Benchmark
    public long synchronizedBlock() {
        threeThreads(() -> {
            for (int i = 0; i < INCREMENTS; i++) {
                synchronized (monitor) {
                    monitorGuarded++;
                }
            }
            return 0;
        });
        return keep(monitorGuarded);
    }

    @Benchmark
    public long reentrantLock() {
        threeThreads(() -> {
            for (int i = 0; i < INCREMENTS; i++) {
                lock.lock();
                try {
                    lockGuarded++;
                } finally {
                    lock.unlock();
                }
            }
            return 0;
        });
        return keep(lockGuarded);
    }

    @Benchmark
    public long atomicInteger() {
        threeThreads(() -> {
            for (int i = 0; i < INCREMENTS; i++) {
                atomic.incrementAndGet(); // une instruction lock xadd
            }
            return 0;
        });
        return keep(atomic.get());
    }

    @Benchmark
    public long longAdder() {
        threeThreads(() -> {
            for (int i = 0; i < INCREMENTS; i++) {
                adder.increment(); // une case par thread en cas de conflit
            }
            return 0;
        });
        return keep(adder.sum());
    }

    @Benchmark
    public long localSums() {
        threeThreads(() -> {
            int local = 0;
            for (int i = 0; i < INCREMENTS; i++) {
                local++; // rien de partagé pendant la boucle
            }
            return local;
        });
        return keep(sumOfSums.get());
    }

    private long keep(long value) {
        smallest = Math.min(smallest, value);
        return value;
    }

    /** Lance 3 threads, attend leur fin, ajoute ce que chacun rend. */
    private void threeThreads(IntSupplier work) {
        Thread[] threads = new Thread[THREADS];
        for (int t = 0; t < THREADS; t++) {
            threads[t] = new Thread(() -> sumOfSums.addAndGet(work.getAsInt()));
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
