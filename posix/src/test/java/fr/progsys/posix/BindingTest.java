package fr.progsys.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.IpcHygiene;
import fr.progsys.testkit.IpcNames;
import fr.progsys.testkit.Snippets;
import fr.progsys.testkit.Tools;

/**
 * La liaison native (jnr ou ffm) : celle qui est demandée est celle qui sert,
 * ses dispositions de structures sont celles du C, et la liaison ffm ne charge
 * rien de jnr-ffi (donc pas d'avertissement sun.misc.Unsafe au JDK 24+).
 */
@DisplayName("Liaisons jnr et ffm : choix, dispositions C, avertissement Unsafe")
@ExtendWith(IpcHygiene.class)
class BindingTest {

    private static final Duration CHILD = Duration.ofSeconds(40);

    @TempDir
    static Path dir;

    @BeforeAll
    static void linuxOnly() {
        PosixAssumptions.linux("les liaisons natives");
    }

    @Test
    @DisplayName("la liaison en service est celle que demande -Dprogsys.posix.binding,"
            + " sinon ffm dès le JDK 22")
    void theBindingInUseIsTheOneAskedFor() {
        String asked = System.getProperty(Posix.BINDING_PROPERTY, "");
        String expected = asked.equals("jnr") || asked.equals("ffm") ? asked
                : Runtime.version().feature() >= 22 ? "ffm" : "jnr";
        String line = "liaison native : " + Posix.binding() + " (JDK "
                + Runtime.version().feature() + ", " + System.getProperty("os.arch") + ")\n";
        System.out.print(line);
        Snippets.write("posix/liaison.txt", line);
        assertThat(Posix.binding()).isEqualTo(expected);
    }

    @Test
    @DisplayName("struct mq_attr, struct timespec, sem_t : la liaison en service a les"
            + " tailles et positions du C (gcc)")
    void theBindingLayoutsMatchC() {
        assumeTrue(Tools.has("gcc"), "gcc absent : la disposition C n'est pas vérifiée");
        Path exe = Tools.gcc(Path.of(System.getProperty("progsys.basedir", "."),
                "src/test/c/layout.c"), dir.resolve("layout"));
        ChildJvm.Result run = ChildJvm.run(Duration.ofSeconds(20), List.of(exe.toString()));
        assertThat(run.exitCode()).isZero();
        Map<String, Long> c = run.stdout().lines().map(l -> l.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> Long.parseLong(kv[1])));
        Map<String, Long> binding = Binding.get().layout();
        assertThat(binding).hasSize(7);
        assertThat(binding).allSatisfy((k, v) -> assertThat(v).as(k).isEqualTo(c.get(k)));
    }

    @Test
    @DisplayName("au JDK 24+, la liaison ffm n'affiche aucun avertissement sun.misc.Unsafe"
            + " et ne charge aucune classe de jnr-ffi, jnr-posix ou jffi ; jnr, si")
    void ffmPrintsNoUnsafeWarningWhereJnrDoes() throws IOException {
        assumeTrue(Runtime.version().feature() >= 24, "JDK "
                + Runtime.version().feature() + " : pas d'avertissement Unsafe avant le 24");
        ChildJvm.Result ffm = probe("ffm", true);
        assertThat(ffm.exitCode()).as(ffm.console()).isZero();
        assertThat(ffm.stdout()).contains("liaison=ffm");
        assertThat(ffm.stderr()).doesNotContain("sun.misc.Unsafe").doesNotContain("WARNING");
        List<String> loaded = Files.readAllLines(dir.resolve("classes-ffm.log"));
        assertThat(loaded).as("classes chargées")
                .anyMatch(l -> l.contains(" fr.progsys.posix.FfmBinding "))
                .noneMatch(BindingTest::isJnrFfi);

        // Le témoin : la même sonde sur jnr, sans le drapeau qui le fait taire.
        ChildJvm.Result jnr = probe("jnr", true);
        assertThat(jnr.exitCode()).as(jnr.console()).isZero();
        assertThat(jnr.stdout()).contains("liaison=jnr");
        assertThat(jnr.stderr()).contains("sun.misc.Unsafe");
        assertThat(Files.readAllLines(dir.resolve("classes-jnr.log")))
                .anyMatch(BindingTest::isJnrFfi);
        System.out.println("ffm, stderr de la JVM enfant : « " + ffm.stderr().strip()
                + " » ; jnr : " + jnr.stderr().lines().findFirst().orElse(""));
    }

    @Test
    @DisplayName("une JVM enfant lancée par le testkit utilise la même liaison que la JVM"
            + " de test (variable PROGSYS_POSIX_BINDING héritée)")
    void aChildJvmUsesTheSameBinding() {
        ChildJvm.Result run = ChildJvm.run(CHILD, BindingProbe.class);
        assertThat(run.exitCode()).as(run.console()).isZero();
        assertThat(run.stdout()).contains("liaison=" + Posix.binding());
    }

    @Test
    @DisplayName("sans choix imposé, une JVM enfant prend ffm dès le JDK 22, jnr avant")
    void autoChoosesFfmFromJdk22() {
        ChildJvm.Result run = ChildJvm.run(CHILD, command("auto", false));
        assertThat(run.exitCode()).as(run.console()).isZero();
        assertThat(run.stdout()).contains("liaison="
                + (Runtime.version().feature() >= 22 ? "ffm" : "jnr"));
    }

    @Test
    @DisplayName("une liaison inconnue est refusée avec un message clair")
    void anUnknownBindingIsRefusedClearly() {
        ChildJvm.Result run = ChildJvm.run(CHILD, command("tortue", false));
        assertThat(run.exitCode()).as(run.console()).isEqualTo(2);
        assertThat(run.stdout()).contains("erreur=IllegalArgumentException: -D"
                + Posix.BINDING_PROPERTY + "=tortue : liaison inconnue ; valeurs possibles :"
                + " jnr, ffm ou auto");
    }

    @Test
    @DisplayName("imposer ffm sur un JDK antérieur au 22 est refusé avec un message clair")
    void forcingFfmBeforeJdk22IsRefusedClearly() {
        assumeTrue(Runtime.version().feature() < 22, "JDK "
                + Runtime.version().feature() + " : la liaison ffm y est disponible");
        ChildJvm.Result run = ChildJvm.run(CHILD, command("ffm", false));
        assertThat(run.exitCode()).as(run.console()).isEqualTo(2);
        assertThat(run.stdout()).contains("erreur=UnsupportedOperationException: liaison ffm"
                + " demandée").contains("JDK " + Runtime.version().feature())
                .contains("JDK 22");
    }

    /** Une ligne du journal de chargement qui nomme une classe de jnr-ffi, jnr-posix ou jffi. */
    private static boolean isJnrFfi(String logLine) {
        return logLine.contains(" jnr.ffi.") || logLine.contains(" jnr.posix.")
                || logLine.contains(" com.kenai.jffi.");
    }

    @Test
    @DisplayName("SharedMemory.read laisse intacts les octets du tampon au-delà de ceux lus,"
            + " comme read(2)")
    void readLeavesTheRestOfTheBufferUntouched() {
        String name = IpcNames.unique("shm-read");
        try (SharedMemory shm = SharedMemory.open(name, OpenFlags.O_CREAT | OpenFlags.O_EXCL
                | OpenFlags.O_RDWR, 0600)) {
            shm.write(new byte[] {1, 2, 3});
            shm.seek(0);
            byte[] buffer = new byte[64];
            Arrays.fill(buffer, (byte) 7);
            assertThat(shm.read(buffer)).isEqualTo(3);
            byte[] expected = new byte[64];
            Arrays.fill(expected, (byte) 7);
            expected[0] = 1;
            expected[1] = 2;
            expected[2] = 3;
            assertThat(buffer).isEqualTo(expected);
        } finally {
            SharedMemory.unlinkIfExists(name);
        }
    }

    private static ChildJvm.Result probe(String binding, boolean logClasses) {
        return ChildJvm.run(CHILD, command(binding, logClasses));
    }

    /**
     * La JVM enfant, montée à la main : seulement l'accès natif, pas le drapeau
     * {@code --sun-misc-unsafe-memory-access} que le build donne à ses JVM.
     */
    private static List<String> command(String binding, boolean logClasses) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-D" + Posix.BINDING_PROPERTY + "=" + binding);
        if (logClasses) {
            cmd.add("-Xlog:class+load=info:file=" + dir.resolve("classes-" + binding + ".log"));
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(BindingProbe.class.getName());
        return cmd;
    }
}
