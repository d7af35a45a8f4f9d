package fr.progsys.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Ce que le chapitre « Combien ça coûte ? » affirme des mesures enregistrées
 * ({@code couts/resultats/*.csv}) : si une nouvelle mesure le contredit, ce
 * test échoue et le texte doit changer avec elle.
 */
@DisplayName("Les mesures enregistrées du chapitre des coûts")
class CostDataTest {

    static final Path RESULTS = BookTest.DOCS.resolve("couts/resultats");

    /** Les lignes de compteurs.csv par « langage/variante » (clé de la variante). */
    static Map<String, String[]> counters() throws IOException {
        List<String> lines = Files.readAllLines(RESULTS.resolve("compteurs.csv"));
        assertThat(lines.get(0)).isEqualTo("language,variant,ns_per_increment,final_value,expected");
        Map<String, String[]> rows = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            rows.put(f[0] + "/" + f[1], f);
        }
        return rows;
    }

    @Test
    @DisplayName("T16 : un verrou disputé par 3 threads coûte au moins dix fois les sommes locales,"
            + " et le compte est juste")
    void contendedLocksCostTenTimesTheLocalSums() throws IOException {
        Map<String, String[]> rows = counters();
        double local = Double.parseDouble(rows.get("Java/localSums")[2]);
        for (String locked : List.of("Java/synchronizedBlock", "Java/reentrantLock", "C/mutex")) {
            String[] row = rows.get(locked);
            assertThat(row).as(locked + " mesuré").isNotNull();
            assertThat(Double.parseDouble(row[2])).as(locked + " (ns par incrément)")
                    .isGreaterThanOrEqualTo(10 * local);
            assertThat(row[3]).as(locked + " : valeur finale").isEqualTo(row[4]);
        }
    }

    /** Les médianes des passes de ipc.csv : « transport/langage » → médiane (µs). */
    static Map<String, Double> ipcMedians() throws IOException {
        List<String> lines = Files.readAllLines(RESULTS.resolve("ipc.csv"));
        assertThat(lines.get(0))
                .isEqualTo("transport,language,pass,median_us,p99_us,throughput_mib_s");
        Map<String, List<Double>> passes = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            passes.computeIfAbsent(f[0] + "/" + f[1], k -> new ArrayList<>())
                    .add(Double.parseDouble(f[3]));
        }
        Map<String, Double> medians = new HashMap<>();
        passes.forEach((k, v) -> {
            List<Double> sorted = v.stream().sorted().toList();
            int n = sorted.size();
            medians.put(k, n % 2 == 1 ? sorted.get(n / 2)
                    : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
        });
        return medians;
    }

    static final List<String> COURSE_TRANSPORTS = List.of("unix", "tcp", "udp", "mq", "shm");

    @Test
    @DisplayName("le plancher : en C, chaque transport du cours coûte au moins 0,9 fois le"
            + " futex et plus de 50 fois l'attente active")
    void floorBoundsEveryTransport() throws IOException {
        Map<String, Double> m = ipcMedians();
        for (String t : COURSE_TRANSPORTS) {
            assertThat(m.get(t + "/C")).as(t + " en C (µs), face au futex")
                    .isGreaterThanOrEqualTo(0.9 * m.get("futex/C"));
            assertThat(m.get(t + "/C")).as(t + " en C (µs), face à l'attente active")
                    .isGreaterThan(50 * m.get("spin/C"));
        }
    }

    @Test
    @DisplayName("aucun transport du cours n'a de rapport Java / C dont tout l'intervalle de"
            + " confiance est sous 1 (le chapitre le dit)")
    void noCourseTransportIsFasterInJava() throws IOException {
        List<String> lines = Files.readAllLines(RESULTS.resolve("ipc-ratios.csv"));
        assertThat(lines.get(0)).isEqualTo("transport,metric,n,mean,ci_low,ci_high");
        int checked = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (COURSE_TRANSPORTS.contains(f[0]) && f[1].equals("median_us")) {
                assertThat(Integer.parseInt(f[2])).as(f[0] + " : passes").isGreaterThanOrEqualTo(5);
                assertThat(Double.parseDouble(f[5])).as(f[0] + " : borne haute").isGreaterThanOrEqualTo(1);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(COURSE_TRANSPORTS.size());
    }

    @Test
    @DisplayName("mq_receive dans un tampon réutilisé ne coûte pas plus qu'un Message neuf par"
            + " réception, sur chaque liaison (l'avant et l'après du chapitre)")
    void receiveIntoBufferIsNoSlower() throws IOException {
        List<String> lines = Files.readAllLines(RESULTS.resolve("appels.csv"));
        assertThat(lines.get(0)).isEqualTo("operation,binding,pass,ns");
        Map<String, List<Double>> v = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            v.computeIfAbsent(f[0] + "/" + f[1], k -> new ArrayList<>())
                    .add(Double.parseDouble(f[3]));
        }
        for (String binding : List.of("jnr", "ffm")) {
            List<Double> after = v.get("mqSendReceive/" + binding);
            List<Double> before = v.get("mqSendReceiveMessage/" + binding);
            assertThat(after).as(binding + " mesuré").isNotNull();
            assertThat(after.stream().mapToDouble(d -> d).average().orElseThrow())
                    .as(binding + " : tampon réutilisé (ns)")
                    .isLessThanOrEqualTo(before.stream().mapToDouble(d -> d).average()
                            .orElseThrow());
        }
    }
}
