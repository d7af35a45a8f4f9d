package fr.progsys.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.Snippets;

@DisplayName("T03 : un million de threads virtuels endormis ensemble (JDK 21+)")
class MillionThreadsTest {

    @Test
    @Timeout(300)
    @DisplayName("un million de threads virtuels attendent ensemble sur une poignée de threads noyau")
    void aMillionVirtualThreadsSleepOnAFewKernelThreads() {
        ChildJvm.Result run = ChildJvm.run(Duration.ofSeconds(280),
                MillionThreads.class);
        Snippets.of(MillionThreads.class).jdk21().record(run.console());
        assertThat(run.exitCode()).as(run.console()).isZero();
        // Aucune mesure de temps n'est vérifiée : seulement les comptes.
        Matcher v = Pattern.compile("1 000 000 threads virtuels : .*"
                + "RSS .* Mio, ([\\d ]+) threads noyau").matcher(run.stdout()
                        .replace('\u00a0', ' ').replace('\u202f', ' '));
        assertThat(v.find()).as(run.stdout()).isTrue();
        // les porteurs (au plus un par cœur) et les threads de la JVM :
        // loin d'un million
        assertThat(Integer.parseInt(v.group(1).replace(" ", ""))).isLessThan(1_000);
        Matcher p = Pattern.compile("10 000 threads de plateforme : .*"
                + "RSS .* Mio, ([\\d ]+) threads noyau").matcher(run.stdout()
                        .replace('\u00a0', ' ').replace('\u202f', ' '));
        assertThat(p.find()).as(run.stdout()).isTrue();
        assertThat(Integer.parseInt(p.group(1).replace(" ", ""))).isGreaterThanOrEqualTo(10_000);
    }
}
