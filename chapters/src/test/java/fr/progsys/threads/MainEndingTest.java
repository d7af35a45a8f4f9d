package fr.progsys.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.Snippets;

@DisplayName("T05, T07 : la fin de main, les démons et System.exit")
class MainEndingTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    @Test
    @DisplayName("T05, T07 : main a fini, mais la JVM attend son thread ordinaire")
    void nonDaemonThreadKeepsTheJvmAlive() {
        try (ChildJvm child = ChildJvm.start(MainEnding.class, "ordinaire")) {
            child.awaitLine("main : je termine", LONG);
            child.awaitLine("veilleuse : j'attends", LONG);
            // main est revenu : le processus reste pourtant vivant.
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                    .until(() -> child.process().isAlive());
            child.send("bonjour");
            ChildJvm.Result run = child.awaitExit(LONG);
            Snippets.of(MainEnding.class).variant("ordinaire")
                    .record(run.console(), "ordinaire");
            assertThat(run.exitCode()).isZero();
            assertThat(run.stderr()).isEmpty();
            assertThat(run.stdout()).endsWith(
                    "veilleuse : reçu « bonjour », je finis\n");
        }
    }

    @Test
    @DisplayName("T05, T07 : un thread démon meurt avec la JVM quand main se termine")
    void daemonThreadDiesWithTheJvm() {
        ChildJvm.Result run = Snippets.of(MainEnding.class)
                .variant("demon").capture("demon");
        assertThat(run.stderr()).as("sortie d'erreur de l'exemple").isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("(démon : true)")
                .contains("main : je termine")
                .doesNotContain("reçu");
    }

    @Test
    @DisplayName("T05, T07 : System.exit termine le processus et tous ses threads, même ordinaires")
    void systemExitEndsEveryThread() {
        ChildJvm.Result run = Snippets.of(MainEnding.class)
                .variant("exit").capture("exit");
        assertThat(run.stderr()).as("sortie d'erreur de l'exemple").isEmpty();
        // Aucune ligne envoyée : la veilleuse, thread ordinaire, attendait
        // encore dans read(2) quand System.exit a terminé le processus.
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("(démon : false)")
                .contains("main : System.exit(0)")
                .doesNotContain("main : je termine")
                .doesNotContain("reçu");
    }
}
