package fr.progsys.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Moyenne et intervalle de confiance à 95 % (Student)")
class StatsTest {

    @Test
    @DisplayName("cinq valeurs connues : moyenne 3, s = √2,5, demi-largeur 2,776 · s / √5")
    void fiveKnownValues() {
        // 1…5 : moyenne 3, somme des carrés des écarts 10, s = √(10 / 4) = 1,5811.
        // Demi-largeur : 2,776 × 1,5811 / √5 = 1,9630. Avec 1,96 au lieu de t(4),
        // on trouverait 1,386 ; sans √n, 4,389 ; avec s divisé par n, 1,756.
        Stats.Interval ci = Stats.meanWithInterval95(new double[] {1, 2, 3, 4, 5});
        assertThat(ci.n()).isEqualTo(5);
        assertThat(ci.mean()).isEqualTo(3.0);
        assertThat(ci.low()).isCloseTo(3 - 1.9630, within(1e-3));
        assertThat(ci.high()).isCloseTo(3 + 1.9630, within(1e-3));
    }

    @Test
    @DisplayName("deux rapports Java/C : t(1) = 12,706, l'intervalle est large")
    void twoRatios() {
        // 0,9 et 1,1 : moyenne 1, s = 0,14142, demi-largeur 12,706 × 0,14142 / √2 = 1,2706.
        Stats.Interval ci = Stats.meanWithInterval95(new double[] {0.9, 1.1});
        assertThat(ci.mean()).isCloseTo(1.0, within(1e-12));
        assertThat(ci.high() - ci.mean()).isCloseTo(1.2706, within(1e-3));
        assertThat(ci.mean() - ci.low()).isCloseTo(1.2706, within(1e-3));
    }

    @Test
    @DisplayName("des valeurs égales : un intervalle réduit à la moyenne")
    void equalValues() {
        Stats.Interval ci = Stats.meanWithInterval95(new double[] {0.94, 0.94, 0.94});
        assertThat(ci.low()).isEqualTo(ci.mean());
        assertThat(ci.high()).isEqualTo(ci.mean());
    }

    @Test
    @DisplayName("la table de Student : valeurs connues, bornes refusées au-delà")
    void studentTable() {
        assertThat(Stats.studentT95(2)).isEqualTo(12.706);
        assertThat(Stats.studentT95(5)).isEqualTo(2.776);
        assertThat(Stats.studentT95(10)).isEqualTo(2.262);
        assertThat(Stats.studentT95(30)).isEqualTo(2.045);
        for (int n = 3; n <= Stats.MAX_N; n++) {
            assertThat(Stats.studentT95(n)).as("t décroît avec n").isLessThan(
                    Stats.studentT95(n - 1)).isGreaterThan(1.96);
        }
        assertThatThrownBy(() -> Stats.studentT95(1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stats.studentT95(31))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
