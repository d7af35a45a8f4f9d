package fr.progsys.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Les deux éditions du livre : l'étudiante n'a aucune ligne de code des
 * solutions ; l'enseignant a les solutions et la correction.
 */
@DisplayName("Les deux éditions du livre : étudiante et enseignant")
class EditionsTest {

    static final Path SOLUTIONS = BookTest.ROOT.resolve("solutions/src/main/java");
    static final Path SKELETONS = BookTest.ROOT.resolve("tp-exercises/src");

    /** Le texte d'une page HTML, sans balises (le code coloré y est en morceaux). */
    static String text(Path html) throws IOException {
        String raw = Files.readString(html).replaceAll("<[^>]*>", "");
        return HtmlChecks.decode(raw);
    }

    /**
     * Les lignes propres aux solutions : celles des régions {@code tag::solution[]}
     * assez longues pour être parlantes et absentes de tout squelette, de tout
     * code fourni et de tout test des TP.
     */
    static List<String> solutionOnlyLines() throws IOException {
        TreeSet<String> elsewhere = new TreeSet<>();
        // Une ligne qui figure aussi dans un squelette, le code fourni, un test
        // de TP ou un exemple du cours n'est pas propre aux solutions.
        for (Path dir : List.of(SKELETONS, BookTest.ROOT.resolve("chapters/src"))) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Files.readAllLines(f).forEach(l -> elsewhere.add(l.strip()));
                }
            }
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOLUTIONS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                boolean in = false;
                for (String l : Files.readAllLines(f)) {
                    String s = l.strip();
                    if (s.matches("//\\s*tag::solution\\[\\]")) {
                        in = true;
                    } else if (s.matches("//\\s*end::solution\\[\\]")) {
                        in = false;
                    } else if (in && s.length() >= 30 && !s.startsWith("//")
                            && !s.startsWith("*") && !s.startsWith("/*")
                            && !elsewhere.contains(s)) {
                        lines.add(s);
                    }
                }
            }
        }
        return lines;
    }

    @Test
    @DisplayName("l'édition étudiante (HTML) ne contient aucune ligne propre aux solutions")
    void studentEditionHasNoSolutionCode() throws IOException {
        List<String> solution = solutionOnlyLines();
        assertThat(solution).as("lignes de solution repérées").hasSizeGreaterThan(20);
        String student = text(BookTest.BOOK.resolve("html/livre.html"));
        List<String> leaked = solution.stream().filter(student::contains).toList();
        assertThat(leaked).as("lignes de solution dans l'édition étudiante").isEmpty();
        assertThat(Files.readString(BookTest.BOOK.resolve("html/livre.html")))
                .doesNotContain("id=\"annexe-solutions\"")
                .doesNotContain("id=\"annexe-enseignant\"");
    }

    @Test
    @DisplayName("l'édition enseignant (HTML et PDF) a les solutions et la correction d'une promotion")
    void teacherEditionHasSolutionsAndGrading() throws IOException {
        Path html = BookTest.BOOK.resolve("enseignant/html/livre.html");
        String teacher = text(html);
        List<String> solution = solutionOnlyLines();
        long shown = solution.stream().filter(teacher::contains).count();
        assertThat(shown).as("lignes de solution dans l'édition enseignant")
                .isGreaterThan(solution.size() / 2);
        assertThat(Files.readString(html)).contains("id=\"annexe-solutions\"")
                .contains("id=\"annexe-enseignant\"").contains("-Dcorriger=");
        Path pdf = BookTest.BOOK.resolve("enseignant/pdf/livre.pdf");
        assertThat(Files.size(pdf)).isGreaterThan(Files.size(BookTest.BOOK.resolve("pdf/livre.pdf")));
    }
}
