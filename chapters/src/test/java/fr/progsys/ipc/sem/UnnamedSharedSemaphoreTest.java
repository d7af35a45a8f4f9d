package fr.progsys.ipc.sem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.progsys.ipc.IpcTestSupport;
import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.IpcHygiene;
import fr.progsys.testkit.IpcNames;
import fr.progsys.testkit.Snippets;

@DisplayName("T17 (précision) : sem_init avec pshared ≠ 0, en mémoire partagée, entre deux processus")
@ExtendWith(IpcHygiene.class)
class UnnamedSharedSemaphoreTest {

    @BeforeAll
    static void linux() {
        IpcTestSupport.linux();
    }

    @Test
    @DisplayName("le sem_post d'un autre processus réveille le parent bloqué sur le sémaphore anonyme partagé")
    void anotherProcessPostsTheSharedUnnamedSemaphore() {
        String name = IpcNames.unique("sem-anonyme");
        ChildJvm.Result run = ChildJvm.run(Duration.ofSeconds(45),
                UnnamedSharedSemaphore.class, name);
        Snippets.of(UnnamedSharedSemaphore.class).record(run.console(), name);

        assertThat(run.exitCode()).as(run.console()).isZero();
        Matcher parent = Pattern.compile("parent PID (\\d+) : sem_init\\(pshared = 1\\)")
                .matcher(run.stdout());
        Matcher child = Pattern.compile("je suis le PID (\\d+) »").matcher(run.stdout());
        assertThat(parent.find()).as(run.stdout()).isTrue();
        assertThat(child.find()).as(run.stdout()).isTrue();
        assertThat(child.group(1)).isNotEqualTo(parent.group(1)); // deux processus
    }
}
