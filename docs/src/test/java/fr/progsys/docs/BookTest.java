package fr.progsys.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Vérifie que rien ne manque au livre : chaque diapositive d'un chapitre
 * terminé a son ancre, chaque exemple est inclus, aucune ligne de code incluse
 * ne déborde de la page.
 */
@DisplayName("Le livre du cours")
class BookTest {

    /** Préfixes des chapitres terminés : leurs diapositives doivent toutes avoir une ancre. */
    static final Set<String> FINISHED = Set.of("t", "i", "s", "u");

    /** Les identifiants de ../shared/SLIDES.md, par préfixe de chapitre. */
    static final Map<String, Integer> SLIDE_COUNTS =
            Map.of("t", 19, "i", 15, "s", 21, "u", 1);

    static final int MAX_COLUMNS = 80;

    static final Path ROOT = Path.of(System.getProperty("progsys.root", ".."));
    static final Path BOOK = Path.of(System.getProperty("progsys.book", "target/book"));
    static final Path DOCS = ROOT.resolve("docs/src/docs/asciidoc");

    static Set<String> expectedSlideIds() {
        Set<String> ids = new TreeSet<>();
        for (String prefix : FINISHED) {
            IntStream.rangeClosed(1, SLIDE_COUNTS.get(prefix))
                    .forEach(i -> ids.add(String.format("slide-%s%02d", prefix, i)));
        }
        return ids;
    }

    @Test
    @DisplayName("chaque diapositive d'un chapitre terminé a son ancre slide-<id> dans le livre HTML")
    void everySlideOfFinishedChaptersHasAnAnchor() throws IOException {
        String html = Files.readString(BOOK.resolve("html/livre.html"));
        Set<String> missing = new TreeSet<>();
        for (String id : expectedSlideIds()) {
            if (!html.contains("id=\"" + id + "\"")) {
                missing.add(id);
            }
        }
        assertThat(missing).as("ancres absentes du livre").isEmpty();
    }

    @Test
    @DisplayName("le livre PDF est produit")
    void pdfIsBuilt() throws IOException {
        Path pdf = BOOK.resolve("pdf/livre.pdf");
        assertThat(pdf).exists();
        assertThat(Files.size(pdf)).isGreaterThan(10_000);
    }

    @Test
    @DisplayName("chaque classe d'exemple (@Example) est incluse quelque part dans le livre")
    void everyExampleClassIsIncluded() throws IOException {
        String book = allAsciidoc();
        List<String> missing = new ArrayList<>();
        for (Path source : exampleSources()) {
            // src/main/java est inclus par {java}, src/main/java21 par {java21}
            String folder = source.toString().contains("/src/main/java21/")
                    ? "java21" : "java";
            String relative = ROOT.resolve("chapters/src/main/" + folder
                    + "/fr/progsys").relativize(source).toString()
                    .replace('\\', '/');
            if (!book.contains("include::{" + folder + "}/" + relative + "[")) {
                missing.add(relative);
            }
        }
        assertThat(missing).as("exemples jamais inclus dans le livre").isEmpty();
    }

    @Test
    @DisplayName("les diapositives que cite chaque exemple ont leur ancre dans le livre")
    void slidesOfEveryExampleHaveAnchors() throws IOException {
        String html = Files.readString(BOOK.resolve("html/livre.html"));
        Pattern slides = Pattern.compile("slides\\s*=\\s*\\{([^}]*)\\}");
        Pattern id = Pattern.compile("\"([TISU]\\d\\d)\"");
        List<String> missing = new ArrayList<>();
        for (Path source : exampleSources()) {
            Matcher m = slides.matcher(Files.readString(source));
            if (m.find()) {
                Matcher ids = id.matcher(m.group(1));
                while (ids.find()) {
                    String anchor = "slide-" + ids.group(1).toLowerCase(Locale.ROOT);
                    if (!html.contains("id=\"" + anchor + "\"")) {
                        missing.add(source.getFileName() + " → " + anchor);
                    }
                }
            }
        }
        assertThat(missing).as("exemples dont la diapositive n'a pas d'ancre").isEmpty();
    }

    @Test
    @DisplayName("le code inclus par tag tient dans " + MAX_COLUMNS + " colonnes")
    void taggedRegionsFitThePage() throws IOException {
        Pattern begin = Pattern.compile("//\\s*tag::([\\w-]+)\\[\\]");
        Pattern end = Pattern.compile("//\\s*end::([\\w-]+)\\[\\]");
        List<String> tooWide = new ArrayList<>();
        for (Path source : javaSources()) {
            List<String> lines = Files.readAllLines(source);
            int open = 0;
            for (int n = 0; n < lines.size(); n++) {
                String line = lines.get(n);
                if (begin.matcher(line).find()) {
                    open++;
                } else if (end.matcher(line).find()) {
                    open--;
                } else if (open > 0 && line.stripLeading().length() > MAX_COLUMNS
                        && line.length() - indentOfRegion(lines, n) > MAX_COLUMNS) {
                    tooWide.add(ROOT.relativize(source) + ":" + (n + 1));
                }
            }
        }
        assertThat(tooWide).as("lignes trop longues dans des régions incluses").isEmpty();
    }

    @Test
    @DisplayName("les sorties capturées incluses tiennent dans " + MAX_COLUMNS + " colonnes")
    void capturedOutputsFitThePage() throws IOException {
        Pattern include = Pattern.compile("include::\\{out\\}/([^\\[]+)\\[");
        Matcher m = include.matcher(allAsciidoc());
        List<String> tooWide = new ArrayList<>();
        while (m.find()) {
            Path file = ROOT.resolve("chapters/target/snippets").resolve(m.group(1));
            assertThat(file).as("sortie incluse par le livre").exists();
            List<String> lines = Files.readAllLines(file);
            for (int n = 0; n < lines.size(); n++) {
                if (lines.get(n).codePointCount(0, lines.get(n).length()) > MAX_COLUMNS) {
                    tooWide.add(m.group(1) + ":" + (n + 1));
                }
            }
        }
        assertThat(tooWide).as("lignes de sortie trop longues").isEmpty();
    }

    /** Le retrait commun de la région qui contient la ligne n (indent=0 le retire). */
    private static int indentOfRegion(List<String> lines, int n) {
        int start = n;
        while (start > 0 && !lines.get(start - 1).contains("tag::")) {
            start--;
        }
        int indent = Integer.MAX_VALUE;
        for (int i = start; i < lines.size() && !lines.get(i).contains("end::"); i++) {
            String l = lines.get(i);
            if (!l.isBlank()) {
                indent = Math.min(indent, l.length() - l.stripLeading().length());
            }
        }
        return indent == Integer.MAX_VALUE ? 0 : indent;
    }

    private static String allAsciidoc() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(DOCS)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".adoc")).toList()) {
                all.append(Files.readString(p)).append('\n');
            }
        }
        return all.toString();
    }

    private static List<Path> javaSources() throws IOException {
        List<Path> all = new ArrayList<>();
        for (String dir : List.of("chapters/src", "tp-exercises/src", "solutions/src")) {
            Path d = ROOT.resolve(dir);
            if (Files.isDirectory(d)) {
                try (Stream<Path> files = Files.walk(d)) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(all::add);
                }
            }
        }
        return all;
    }

    private static List<Path> exampleSources() throws IOException {
        List<Path> examples = new ArrayList<>();
        for (String folder : List.of("chapters/src/main/java",
                "chapters/src/main/java21")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(folder))) {
                for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    if (Files.readString(p).contains("\n@Example(")) {
                        examples.add(p);
                    }
                }
            }
        }
        return examples;
    }
}
