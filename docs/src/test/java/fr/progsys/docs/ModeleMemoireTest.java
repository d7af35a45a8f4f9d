package fr.progsys.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Les résultats jcstress enregistrés pour le livre (profil {@code jcstress},
 * {@code docs/src/docs/asciidoc/modele-memoire/resultats/}) disent bien ce
 * que le livre affirme. Le build par défaut ne relance pas jcstress : il
 * relit ces CSV. Si une nouvelle campagne contredit le livre, ce test échoue
 * et dit quel test jcstress, pour que l'on corrige le texte.
 */
@DisplayName("T02, T03, T09, T13, T14, T15, T16 : le modèle mémoire, résultats jcstress enregistrés")
class ModeleMemoireTest {

    static final Path ROOT = Path.of(System.getProperty("progsys.root", ".."));
    static final Path RESULTS = ROOT.resolve(
            "docs/src/docs/asciidoc/modele-memoire/resultats");
    static final Path SECTION = ROOT.resolve(
            "docs/src/docs/asciidoc/chapitres/threads/modele-memoire.adoc");
    static final Path SOURCES = ROOT.resolve(
            "jcstress/src/main/java/fr/progsys/jmm");

    /** Les courses du livre : l'issue « intéressante » y a été observée. */
    static final List<String> RACES_OBSERVED = List.of("LostUpdatePlain",
            "LostUpdateVolatile", "StopFlagPlain", "RacyPublicationPlain");

    /** Les tests où une issue est interdite : jamais observée. */
    static final List<String> NEVER_FORBIDDEN = List.of("LostUpdateAtomic",
            "StopFlagVolatile", "StartPublishes", "JoinPublishes",
            "RacyPublicationFinal", "SynchronizedCounter",
            "ReentrantLockCounter");

    @Test
    @DisplayName("T02, T13 : counter++ (int ordinaire ou volatile), le drapeau ordinaire et la publication par une course montrent l'issue intéressante")
    void racyVariantsShowTheInterestingOutcome() throws IOException {
        for (String test : RACES_OBSERVED) {
            assertThat(count(test, "intéressante"))
                    .as("issues intéressantes de " + test).isPositive();
        }
    }

    @Test
    @DisplayName("T02, T03, T09, T13, T14, T15, T16 : aucune issue interdite observée, chaque test réussi")
    void noForbiddenOutcomeWasEverObserved() throws IOException {
        for (String test : NEVER_FORBIDDEN) {
            List<List<String>> rows = rows(test);
            assertThat(rows).as(test + " : une issue interdite est déclarée")
                    .anyMatch(r -> r.get(3).equals("interdite"));
            assertThat(count(test, "interdite"))
                    .as("issues interdites observées pour " + test).isZero();
            assertThat(count(test, "acceptable"))
                    .as("échantillons acceptables de " + test).isPositive();
        }
        for (List<String> t : csv(RESULTS.resolve("tests.csv"))) {
            assertThat(t.get(5)).as("verdict de " + t.get(0))
                    .isEqualTo("réussi");
        }
    }

    @Test
    @DisplayName("chaque test jcstress a ses résultats, et le livre inclut chaque CSV")
    void everyTestHasResultsAndEveryCsvIsShown() throws IOException {
        String section = Files.readString(SECTION);
        List<String> tests = new ArrayList<>();
        for (List<String> t : csv(RESULTS.resolve("tests.csv"))) {
            tests.add(t.get(0));
        }
        if (Files.isDirectory(SOURCES)) {
            try (Stream<Path> files = Files.list(SOURCES)) {
                List<String> annotated = new ArrayList<>();
                for (Path p : files.toList()) {
                    if (Files.readString(p).contains("@JCStressTest")) {
                        String n = p.getFileName().toString();
                        annotated.add(n.substring(0, n.length() - 5));
                    }
                }
                assertThat(tests).as("tests jcstress sans résultats enregistrés")
                        .containsExactlyInAnyOrderElementsOf(annotated);
            }
        }
        try (Stream<Path> files = Files.list(RESULTS)) {
            for (Path p : files.toList()) {
                assertThat(section).as("CSV jamais inclus : " + p.getFileName())
                        .contains("include::{jmm}/" + p.getFileName() + "[]");
            }
        }
        assertThat(tests).containsAll(RACES_OBSERVED)
                .containsAll(NEVER_FORBIDDEN);
    }

    @Test
    @DisplayName("la machine, le JDK et le mode de jcstress sont enregistrés avec les résultats")
    void machineJdkAndModeAreRecorded() throws IOException {
        Map<String, String> machine = csv(RESULTS.resolve("machine.csv"))
                .stream().collect(Collectors.toMap(r -> r.get(0), r -> r.get(1),
                        (a, b) -> a, TreeMap::new));
        assertThat(machine).containsKeys("Processeur", "Cœurs", "Noyau", "JDK",
                "jcstress", "Mode", "Date", "Durée (s)");
        assertThat(machine.get("JDK")).isNotBlank();
        assertThat(machine.get("Mode")).isIn("sanity", "quick", "default",
                "tough", "stress");
    }

    /** Total des échantillons d'une classe d'issues pour un test. */
    static long count(String test, String grade) throws IOException {
        return rows(test).stream().filter(r -> r.get(3).equals(grade))
                .mapToLong(r -> Long.parseLong(r.get(1))).sum();
    }

    /** Issue, nombre, part, classe, description. */
    static List<List<String>> rows(String test) throws IOException {
        return csv(RESULTS.resolve(test + ".csv"));
    }

    /** Les lignes d'un CSV simple (champs entre guillemets permis), sans l'en-tête. */
    static List<List<String>> csv(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            List<String> fields = new ArrayList<>();
            StringBuilder f = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < line.length()
                            && line.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        f.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(f.toString());
                    f.setLength(0);
                } else {
                    f.append(c);
                }
            }
            fields.add(f.toString());
            rows.add(fields);
        }
        return rows;
    }
}
