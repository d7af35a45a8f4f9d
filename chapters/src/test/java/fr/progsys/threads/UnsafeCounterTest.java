package fr.progsys.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CyclicBarrier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import fr.progsys.testkit.ChildJvm;

@DisplayName("T13 : des mises à jour perdues sans exclusion mutuelle")
class UnsafeCounterTest {

    @Test
    @DisplayName("3 × 10 000 000 incréments sans verrou : le total obtenu est inférieur")
    void statisticalLossIsVisible() {
        ChildJvm.Result run = Examples.capture("unsafe-counter", UnsafeCounter.class);
        assertThat(run.exitCode()).isZero();
        Matcher m = Pattern.compile("obtenu  : ([\\d ]+)\\nperdus  : ([\\d ]+)")
                .matcher(run.stdout());
        assertThat(m.find()).isTrue();
        long got = Long.parseLong(m.group(1).replace(" ", ""));
        long lost = Long.parseLong(m.group(2).replace(" ", ""));
        assertThat(got + lost).isEqualTo(30_000_000L);
        assertThat(lost).as("mises à jour perdues").isPositive();
    }

    @Test
    @DisplayName("deux threads lisent la même valeur avant d'écrire : un incrément sur deux est perdu")
    void forcedInterleavingLosesOneUpdate() throws InterruptedException {
        assertThat(lostWith(2)).isEqualTo(1);
    }

    @Test
    @DisplayName("trois threads lisent la même valeur : deux incréments sur trois sont perdus")
    void forcedInterleavingOfThreeLosesTwoUpdates() throws InterruptedException {
        assertThat(lostWith(3)).isEqualTo(2);
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
