package fr.progsys.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Le tableau « solution fausse → exigence qui l'attrape » de l'édition
 * enseignant est la sortie de {@code tp-exercises/mutants.py --table} : il
 * doit nommer chacun des mutants du script, chacun attrapé à chaque passage.
 * Un mutant ajouté au script sans refaire le tableau fait échouer ce test.
 */
@DisplayName("Édition enseignant : le tableau des solutions fausses")
class MutantTableTest {

    static final Path SCRIPT = BookTest.ROOT.resolve("tp-exercises/mutants.py");
    static final Path TABLE = BookTest.DOCS.resolve("annexes/mutants.csv");

    /** Une entrée du script : {@code ("tp: nom", "fichier", …}. */
    static final Pattern ENTRY = Pattern.compile("^\\(\"([a-z]+): ([^\"]+)\",",
            Pattern.MULTILINE);

    @Test
    @DisplayName("chaque mutant de mutants.py a sa ligne, attrapé à chaque passage")
    void everyMutantIsInTheTableAndAlwaysCaught() throws IOException {
        List<String> script = new java.util.ArrayList<>();
        Matcher m = ENTRY.matcher(Files.readString(SCRIPT));
        while (m.find()) {
            script.add(m.group(2));
        }
        assertThat(script).as("mutants lus dans " + SCRIPT).hasSizeGreaterThan(40);

        List<String> rows = Files.readAllLines(TABLE);
        List<String> table = new java.util.ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            List<String> cells = cells(row);
            assertThat(cells).as(row).hasSize(4);
            table.add(cells.get(1));
            String[] caught = cells.get(3).split("/");
            assertThat(caught[0]).as("attrapé à chaque passage : " + row)
                    .isEqualTo(caught[1]);
        }
        assertThat(table).as("mutants du tableau " + TABLE)
                .containsExactlyInAnyOrderElementsOf(script);
    }

    /** Les cellules d'une ligne CSV (guillemets doubles à la mode RFC 4180). */
    static List<String> cells(String row) {
        List<String> cells = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted && c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
