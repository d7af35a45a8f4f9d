package fr.progsys.bench;

/**
 * La moyenne de quelques mesures répétées et son intervalle de confiance à
 * 95 %, par la loi de Student : moyenne ± t(n − 1) · s / √n, où s est l'écart
 * type de l'échantillon (divisé par n − 1) et t(n − 1) le quantile 0,975 de
 * la loi de Student à n − 1 degrés de liberté.
 *
 * <p>Pourquoi Student et pas 1,96 (la loi normale) : avec cinq passages, s
 * est lui-même mal connu, et la loi de Student élargit l'intervalle en
 * conséquence (t(4) = 2,776, 42 % de plus que 1,96). Elle suppose des
 * mesures indépendantes et à peu près normales : c'est pourquoi on compare
 * des rapports Java/C de passages voisins dans le temps, qui varient peu.
 */
public final class Stats {

    /**
     * t(n − 1) pour n = 2…30 (indice n − 2) : quantile 0,975 de la loi de
     * Student, bilatéral à 95 %, valeurs des tables usuelles.
     */
    private static final double[] T_975 = {
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045,
    };

    /** Le plus grand échantillon de la table. */
    public static final int MAX_N = T_975.length + 1;

    private Stats() {
    }

    /** Une moyenne et son intervalle à 95 %, sur {@code n} valeurs. */
    public record Interval(int n, double mean, double low, double high) {
    }

    /** t(n − 1) à 95 % pour un échantillon de {@code n} valeurs (2 ≤ n ≤ 30). */
    public static double studentT95(int n) {
        if (n < 2 || n > MAX_N) {
            throw new IllegalArgumentException("échantillon de " + n
                    + " valeurs : la table de Student va de 2 à " + MAX_N);
        }
        return T_975[n - 2];
    }

    /** Moyenne ± t(n − 1) · s / √n. */
    public static Interval meanWithInterval95(double[] values) {
        int n = values.length;
        double t = studentT95(n);
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double s = Math.sqrt(squares / (n - 1)); // écart type de l'échantillon
        double half = t * s / Math.sqrt(n);      // l'erreur type est s / √n
        return new Interval(n, mean, mean - half, mean + half);
    }
}
