package fr.progsys.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
