package fr.progsys.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import org.jetbrains.lincheck.Lincheck;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.Snippets;
import fr.progsys.threads.support.Race;

@DisplayName("T13 : des mises à jour perdues sans exclusion mutuelle")
class UnsafeCounterTest {

    /** Entrelacements essayés au plus par le vérificateur de modèles. */
    private static final int SCHEDULES = 200;

    /** Un compteur ordinaire, ni volatile ni protégé. */
    private static int plain;

    @Test
    @DisplayName("T13 : l'exemple affiche sa course (sortie du livre) ;"
            + " le total obtenu ne dépasse jamais 30 000 000")
    void statisticalRunIsShownNotAsserted() {
        ChildJvm.Result run = Snippets.capture(UnsafeCounter.class);
        assertThat(run.stderr()).as("sortie d'erreur de l'exemple").isEmpty();
        assertThat(run.exitCode()).isZero();
        Matcher m = Pattern.compile("obtenu  : ([\\d ]+)\\nperdus  : (-?[\\d ]+)")
                .matcher(run.stdout());
        assertThat(m.find()).isTrue();
        long got = Long.parseLong(m.group(1).replace(" ", ""));
        // Combien se perdent dépend de la machine et de sa charge : le test
        // n'en exige aucun. Il exige ce qui est sûr : chaque écriture vaut une
        // lecture plus 1, le total ne peut pas dépasser le nombre d'incréments.
        assertThat(got).isBetween(1L, 30_000_000L);
    }

    // tag::lincheck[]
    @Test
    @DisplayName("T13 : Lincheck trouve l'entrelacement où deux counter++"
            + " d'un int ordinaire ne font que 1")
    void modelCheckerFindsALostPlainIncrement() {
        LincheckAssertionError found = lostUpdateFound(
                () -> plain = 0, () -> plain++, () -> plain);
        assertThat(found).hasMessageContaining("counter = 1 au lieu de 2");
    }

    @Test
    @DisplayName("T13 : Lincheck trouve l'entrelacement où deux"
            + " UnsafeCounter.increment() (volatile ++) ne font que 1")
    void modelCheckerFindsALostVolatileIncrement() {
        LincheckAssertionError found = lostUpdateFound(
                () -> UnsafeCounter.counter = 0, UnsafeCounter::increment,
                () -> UnsafeCounter.counter);
        assertThat(found).hasMessageContaining("counter = 1 au lieu de 2");
        Snippets.write("threads/lincheck-volatile.txt",
                threadColumns(found.getMessage()));
    }
    // end::lincheck[]

    @Test
    @DisplayName("T13, T16 : dans tous les entrelacements essayés,"
            + " AtomicInteger.incrementAndGet ne perd rien")
    void modelCheckerFindsNoLossWithAtomicInteger() {
        lincheckWorksHere();
        AtomicInteger atomic = new AtomicInteger();
        assertThatCode(() -> twoIncrements(() -> atomic.set(0),
                atomic::incrementAndGet, atomic::get))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("T13, T14, T16 : dans tous les entrelacements essayés,"
            + " le counter++ sous synchronized ne perd rien")
    void modelCheckerFindsNoLossUnderSynchronized() {
        lincheckWorksHere();
        assertThatCode(() -> twoIncrements(LockedCounter::reset,
                LockedCounter::incrementSynchronized, LockedCounter::value))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("T13, T14, T16 : dans tous les entrelacements essayés,"
            + " le counter++ sous ReentrantLock ne perd rien")
    void modelCheckerFindsNoLossUnderReentrantLock() {
        lincheckWorksHere();
        assertThatCode(() -> twoIncrements(LockedCounter::reset,
                LockedCounter::incrementLocked, LockedCounter::value))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("T13 : démonstration du ++ découpé à la main (lire, pause, écrire) :"
            + " deux threads lisent 0, un incrément sur deux est perdu")
    void forcedInterleavingLosesOneUpdate() throws InterruptedException {
        assertThat(lostWith(2)).isEqualTo(1);
    }

    @Test
    @DisplayName("T13 : démonstration du ++ découpé à la main :"
            + " trois threads lisent 0, deux incréments sur trois sont perdus")
    void forcedInterleavingOfThreeLosesTwoUpdates() throws InterruptedException {
        assertThat(lostWith(3)).isEqualTo(2);
    }

    /**
     * Lincheck (vérificateur de modèles) exécute {@code twoIncrements} en
     * choisissant lui-même l'ordre des threads, instruction par instruction,
     * et rend l'erreur de l'entrelacement fautif qu'il a trouvé.
     */
    private static LincheckAssertionError lostUpdateFound(Runnable reset,
            Runnable increment, IntSupplier value) {
        lincheckWorksHere();
        LincheckAssertionError found = catchThrowableOfType(
                LincheckAssertionError.class,
                () -> twoIncrements(reset, increment, value));
        assertThat(found).as("Lincheck doit trouver une mise à jour perdue")
                .isNotNull();
        return found;
    }

    /**
     * Deux threads font chacun un incrément ; quand les deux ont fini, le
     * compteur doit valoir 2. Lincheck essaie jusqu'à {@link #SCHEDULES}
     * entrelacements, et lève {@link LincheckAssertionError} (avec la trace
     * de l'entrelacement) au premier qui viole cette règle.
     */
    private static void twoIncrements(Runnable reset, Runnable increment,
            IntSupplier value) {
        Lincheck.runConcurrentTest(SCHEDULES, () -> {
            reset.run();
            // Un verrou à rebours plutôt que join : Lincheck 3.7 sous JDK 25
            // trébuche sur Thread.join (NullPointerException interne).
            CountDownLatch done = new CountDownLatch(2);
            Runnable once = () -> {
                increment.run();
                done.countDown();
            };
            new Thread(once, "t1").start();
            new Thread(once, "t2").start();
            try {
                done.await(); // arrive-avant : les deux écritures sont vues
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            int total = value.getAsInt();
            if (total != 2) {
                throw new AssertionError("counter = " + total + " au lieu de 2");
            }
        });
    }

    /**
     * Lincheck 3.7 instrumente aussi les classes du JDK ; celles du JDK 25
     * (format de classe 69) lui sont inconnues (« Unsupported class file
     * major version 69 ») et il n'explore alors plus rien. Le test le dit et
     * saute plutôt que de conclure à tort ; la preuve par le bytecode, elle,
     * tourne partout.
     */
    private static void lincheckWorksHere() {
        int feature = Runtime.version().feature();
        if (feature >= 25) {
            String why = "SAUTÉ : Lincheck 3.7 ne sait pas instrumenter les"
                    + " classes du JDK " + feature + " ; vérifié sous JDK 17";
            System.out.println(why);
            // Le livre inclut le rapport : il dit pourquoi il manque.
            Snippets.write("threads/lincheck-volatile.txt", "(rapport non"
                    + " produit : Lincheck 3.7 ne tourne pas sous JDK " + feature
                    + ")\n");
            Assumptions.abort(why);
        }
    }

    @Test
    @DisplayName("T13 : counter++ compile en trois instructions séparées :"
            + " getstatic (lire), iadd (ajouter 1), putstatic (écrire)")
    void counterPlusPlusIsThreeBytecodeInstructions() throws Exception {
        ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow();
        StringWriter out = new StringWriter();
        String classes = Path.of(UnsafeCounter.class.getProtectionDomain()
                .getCodeSource().getLocation().toURI()).toString();
        int rc = javap.run(new PrintWriter(out), new PrintWriter(out), "-c",
                "-cp", classes, UnsafeCounter.class.getName());
        assertThat(rc).as(out.toString()).isZero();
        String all = out.toString();
        int start = all.indexOf("static void increment();");
        assertThat(start).as("increment() dans la sortie de javap").isNotNegative();
        String body = all.substring(start, all.indexOf("\n\n", start));
        Snippets.write("threads/increment-bytecode.txt",
                "$ javap -c fr.progsys.threads.UnsafeCounter\n" + body + "\n");
        // Lire, ajouter, écrire : trois instructions, entre lesquelles un
        // autre thread peut s'exécuter (JLS §17.4) ; aucune n'est « lock ».
        assertThat(body.lines().map(String::strip)
                .filter(l -> l.matches("\\d+: .*"))
                .map(l -> l.replaceAll("^\\d+: (\\w+).*", "$1")))
                .containsExactly("getstatic", "iconst_1", "iadd", "putstatic",
                        "return");
    }

    /**
     * Les colonnes des deux threads dans la trace détaillée du rapport de
     * Lincheck (l'entrelacement fautif), sans celle de main ni les numéros
     * de ligne : assez étroit pour le livre.
     */
    private static String threadColumns(String report) {
        StringBuilder out = new StringBuilder();
        String table = report.substring(report.indexOf("Detailed trace"));
        for (String line : table.lines().toList()) {
            String[] cells = line.split("\\|", -1);
            if (cells.length < 5) {
                continue;
            }
            String t1 = withoutSource(cells[2]); // garde l'indentation
            String t2 = withoutSource(cells[3]);
            if (t1.contains("Thread 1")) {
                t1 = " t1";
                t2 = " t2";
            }
            if (KEPT.matcher(t1.strip()).matches()
                    || KEPT.matcher(t2.strip()).matches()) {
                out.append(String.format("%-32s|%s", t1, t2).stripTrailing())
                        .append('\n');
            }
        }
        return out.toString();
    }

    /** Les lignes du rapport qui racontent l'incrément, sans le détail du verrou. */
    private static final Pattern KEPT = Pattern.compile(
            "t1|t2|run\\(\\)|increment\\.run\\(\\)|switch|UnsafeCounter\\.counter.*");

    /** Une cellule du rapport, sans le « at Classe.méthode(Fichier:ligne) ». */
    private static String withoutSource(String cell) {
        return cell.replaceAll(" at [\\w.$<>]+\\([^)]*\\)", "").stripTrailing()
                .replace("\u279c", "->"); // flèche absente des polices du PDF
    }

    // tag::forced[]
    /** Chaque thread lit, tous attendent à la barrière, puis chacun écrit. */
    private static int lostWith(int threads) throws InterruptedException {
        UnsafeCounter.counter = 0;
        CyclicBarrier allHaveRead = new CyclicBarrier(threads);
        Race.run(threads, 1, () -> UnsafeCounter.incrementInSteps(
                () -> Race.await(allHaveRead))); // tous ont lu 0
        return threads - UnsafeCounter.counter; // incréments perdus
    }
    // end::forced[]
}
