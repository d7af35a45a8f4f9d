package fr.progsys.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import fr.progsys.Example;
import fr.progsys.Launcher;

/**
 * Vérifie que rien ne manque au livre : chaque diapositive de la liste
 * ({@code diapositives.csv}) a son ancre et un test qui la nomme, chaque
 * exemple est inclus, chaque encadré Précision est prouvé par un test qui
 * existe, aucune ligne de code incluse ne déborde de la page, la typographie
 * française est respectée et le livre HTML ne charge rien depuis le réseau.
 *
 * <p>Les diapositives, leurs identifiants et leurs chapitres ne viennent que
 * de {@code diapositives.csv} ; les exemples, que de {@link Launcher#examples()},
 * comme pour le lanceur : les classes compilées de chapters (dépendance de ce
 * module) annotées {@link Example}. Sur un JDK 17, les exemples de
 * {@code src/main/java21} ne sont pas compilés, donc pas vérifiés ici : ils le
 * sont au passage sur le JDK 21 ou plus (la CI passe sur le JDK 25).
 */
@DisplayName("Le livre du cours")
class BookTest {

    static final int MAX_COLUMNS = 80;

    /** Encadrés Précision qui corrigent le support : au moins autant (issue 9). */
    static final int MIN_SLIDE_CORRECTIONS = 25;

    /** Fautes de typographie listées dans un message d'échec. */
    static final int SHOWN = 30;

    static final Path ROOT = Path.of(System.getProperty("progsys.root", ".."));
    static final Path BOOK = Path.of(System.getProperty("progsys.book", "target/book"));
    static final Path DOCS = ROOT.resolve("docs/src/docs/asciidoc");

    /** La liste des diapositives du cours : la seule source des identifiants. */
    static final Path SLIDE_LIST = DOCS.resolve("diapositives.csv");

    static List<Slides.Slide> slides() {
        return Slides.load(SLIDE_LIST);
    }

    static String html() throws IOException {
        return Files.readString(BOOK.resolve("html/livre.html"));
    }

    @Test
    @DisplayName("chaque diapositive de diapositives.csv a son ancre dans le livre HTML")
    void everySlideHasAnAnchor() throws IOException {
        String html = html();
        Set<String> missing = new TreeSet<>();
        for (Slides.Slide slide : slides()) {
            if (!html.contains("id=\"" + slide.anchor() + "\"")) {
                missing.add(slide.id() + " → " + slide.anchor());
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
        List<Class<?>> examples = Launcher.examples();
        assertThat(examples).as("exemples trouvés par le lanceur").isNotEmpty();
        List<String> missing = new ArrayList<>();
        for (Class<?> example : examples) {
            // src/main/java est inclus par {java}, src/main/java21 par {java21}
            String source = source(example);
            String folder = source.startsWith("chapters/src/main/java21/")
                    ? "java21" : "java";
            String relative = source.substring(
                    ("chapters/src/main/" + folder + "/fr/progsys/").length());
            if (!book.contains("include::{" + folder + "}/" + relative + "[")) {
                missing.add(relative);
            }
        }
        assertThat(missing).as("exemples jamais inclus dans le livre").isEmpty();
    }

    @Test
    @DisplayName("les diapositives que cite chaque exemple sont dans la liste et ont leur ancre")
    void slidesOfEveryExampleHaveAnchors() throws IOException {
        String html = html();
        Map<String, Slides.Slide> byId = Slides.byId(slides());
        List<String> missing = new ArrayList<>();
        for (Class<?> example : Launcher.examples()) {
            for (String id : example.getAnnotation(Example.class).slides()) {
                Slides.Slide slide = byId.get(id);
                if (slide == null) {
                    missing.add(example.getSimpleName() + " → " + id
                            + " absent de diapositives.csv");
                } else if (!html.contains("id=\"" + slide.anchor() + "\"")) {
                    missing.add(example.getSimpleName() + " → " + slide.anchor());
                }
            }
        }
        assertThat(missing).as("exemples dont la diapositive n'a pas d'ancre").isEmpty();
    }

    @Test
    @DisplayName("chaque encadré Précision finit par une ligne Preuve qui nomme des tests existants")
    void everyPrecisionBoxIsProven() throws IOException {
        TestSources tests = TestSources.scan(ROOT);
        List<String> bad = new ArrayList<>();
        for (PrecisionBoxes.Box box : precisionBoxes()) {
            bad.addAll(BookChecks.proofDefects(box, tests));
        }
        assertThat(bad).as("encadrés Précision sans preuve valable (%d)", bad.size()).isEmpty();
    }

    @Test
    @DisplayName("au moins " + MIN_SLIDE_CORRECTIONS + " encadrés Précision corrigent le support")
    void enoughPrecisionBoxesCorrectTheSlides() throws IOException {
        List<String> corrections = precisionBoxes().stream()
                .filter(PrecisionBoxes::correctsSlides)
                .map(PrecisionBoxes.Box::where)
                .toList();
        System.out.println("Encadrés Précision qui corrigent le support : " + corrections.size());
        assertThat(corrections)
                .as("encadrés dont la première phrase nomme le support ou la diapositive")
                .hasSizeGreaterThanOrEqualTo(MIN_SLIDE_CORRECTIONS);
    }

    @Test
    @DisplayName("chaque diapositive de diapositives.csv est nommée par le @DisplayName d'un test")
    void everySlideIsNamedByATest() {
        List<Slides.Slide> slides = slides();
        Set<String> named = BookChecks.idsInDisplayNames(TestSources.scan(ROOT),
                Slides.idPattern(slides));
        List<String> missing = slides.stream()
                .map(Slides.Slide::id)
                .filter(id -> !named.contains(id))
                .toList();
        assertThat(missing).as("diapositives qu'aucun nom de test ne cite").isEmpty();
    }

    @Test
    @DisplayName("aucun nom de test n'écrit une plage d'identifiants : chacun en entier")
    void noDisplayNameUsesARange() {
        List<String> ranges = BookChecks.rangesInDisplayNames(TestSources.scan(ROOT),
                Slides.idPattern(slides()));
        assertThat(ranges).as("plages dans les noms de tests (écrire « I06, I07, I08 »)").isEmpty();
    }

    @Test
    @DisplayName("typographie française du livre HTML : espace insécable avant : ; ? ! » et après «")
    void frenchTypography() throws IOException {
        List<String> bad = HtmlChecks.typographyViolations(HtmlChecks.visibleText(html()));
        assertThat(bad.size())
                .as("fautes de typographie dans livre.html (python3 tools/espaces-insecables.py"
                        + " les corrige), les %d premières :%n%s", Math.min(SHOWN, bad.size()),
                        String.join("\n", bad.subList(0, Math.min(SHOWN, bad.size()))))
                .isZero();
    }

    @Test
    @DisplayName("chaque section d'une diapositive renvoie à sa page de manuel (« Voir : … »)")
    void everySlideSectionNamesItsManPage() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path p : asciidocFiles()) {
            List<String> lines = Files.readAllLines(p);
            for (int i = 1; i < lines.size(); i++) {
                if (!lines.get(i).matches("={3,4} .*")
                        || !lines.get(i - 1).matches("\\[\\[slide-\\w+]]")) {
                    continue;
                }
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).matches("={2,4} .*")) {
                    end++;
                }
                if (lines.subList(i, end).stream()
                        .noneMatch(l -> l.matches(".*Voir[\\u00a0 ]:.*"))) {
                    missing.add(DOCS.relativize(p) + " : " + lines.get(i));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    @DisplayName("aucun renvoi ne s'affiche comme [ancre] : chacun vise une section ou porte son texte")
    void everyCrossReferenceHasAText() throws IOException {
        // <<x>> vers une ancre posée dans le texte (pas sur un titre) n'a pas
        // de texte : Asciidoctor affiche alors « [x] ».
        Matcher m = Pattern.compile(">\\[([a-z][\\w-]*)\\]</a>").matcher(html());
        List<String> bare = new ArrayList<>();
        while (m.find()) {
            bare.add(m.group(1));
        }
        assertThat(bare).isEmpty();
    }

    @Test
    @DisplayName("le livre HTML ne charge rien depuis le réseau (ni polices, ni scripts)")
    void htmlFetchesNothingFromTheNetwork() throws IOException {
        assertThat(HtmlChecks.networkFetches(html())).as("ressources chargées par le réseau").isEmpty();
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
        // {out} : les sorties des chapitres ; {tp-out} : ce qu'affiche la
        // vérification des TP (tp-exercises) ; {solutions-out} : les séances
        // des TP menées contre les solutions (module solutions).
        Pattern include = Pattern.compile(
                "include::\\{(out|tp-out|solutions-out)\\}/([^\\[]+)\\[([^\\]]*)\\]");
        Map<String, String> modules = Map.of("out", "chapters", "tp-out", "tp-exercises",
                "solutions-out", "solutions");
        Matcher m = include.matcher(allAsciidoc());
        List<String> tooWide = new ArrayList<>();
        while (m.find()) {
            Path file = ROOT.resolve(modules.get(m.group(1))).resolve("target/snippets")
                    .resolve(m.group(2));
            if (m.group(3).contains("opts=optional") && !Files.exists(file)) {
                continue; // un TP commencé n'a plus de squelette intact à montrer
            }
            assertThat(file).as("sortie incluse par le livre").exists();
            List<String> lines = Files.readAllLines(file);
            for (int n = 0; n < lines.size(); n++) {
                if (lines.get(n).codePointCount(0, lines.get(n).length()) > MAX_COLUMNS) {
                    tooWide.add(m.group(2) + ":" + (n + 1));
                }
            }
        }
        assertThat(tooWide).as("lignes de sortie trop longues").isEmpty();
    }

    @Test
    @DisplayName("l'annexe des diapositives a une ligne par diapositive de diapositives.csv, et son renvoi")
    void slideAppendixListsEverySlide() throws IOException {
        // Le renvoi va à la section qui porte l'ancre slide-<id> (ou qui la
        // contient, quand l'ancre est posée dans le texte de la section).
        Pattern row = Pattern.compile("^\\| ([A-Z]\\d\\d) \\| .+ \\| <<(slide-[a-z]\\d\\d)>>$",
                Pattern.MULTILINE);
        Matcher m = row.matcher(Files.readString(DOCS.resolve("annexes/diapositives.adoc")));
        List<String> rows = new ArrayList<>();
        while (m.find()) {
            assertThat(m.group(2).charAt(6)).as(m.group(1) + " : renvoi dans son chapitre")
                    .isEqualTo(Character.toLowerCase(m.group(1).charAt(0)));
            rows.add(m.group(1));
        }
        assertThat(rows).containsExactlyElementsOf(
                slides().stream().map(Slides.Slide::id).toList());
    }

    @Test
    @DisplayName("sous chaque énoncé de TP, la piste et l'idée clé seulement ; le code des indices est en annexe")
    void codeHintsAreAtTheEndOfTheBook() throws IOException {
        Pattern include = Pattern.compile("indices\\.adoc\\[tag=([\\w-]+)\\]");
        List<String> inAppendix = new ArrayList<>();
        Matcher m = include.matcher(Files.readString(
                DOCS.resolve("annexes/indices-code.adoc")));
        while (m.find()) {
            inAppendix.add(m.group(1));
        }
        List<String> tps = new ArrayList<>();
        try (Stream<Path> pages = Files.list(DOCS.resolve("tp"))) {
            for (Path page : pages.filter(p -> !p.endsWith("travaux-pratiques.adoc"))
                    .sorted().toList()) {
                Matcher t = include.matcher(Files.readString(page));
                assertThat(t.find()).as(page + " inclut ses indices").isTrue();
                String tag = t.group(1);
                assertThat(tag).as(page + " : pas le code sous l'énoncé")
                        .doesNotEndWith("-code");
                assertThat(t.find()).as(page + " : une seule inclusion").isFalse();
                tps.add(tag + "-code");
            }
        }
        assertThat(inAppendix).containsExactlyInAnyOrderElementsOf(tps);
    }

    @Test
    @DisplayName("aucun défaut de mise en page connu dans les sources : apostrophe collée à un `code`, mot doublé devant un renvoi, nombre coupable en fin de ligne")
    void noKnownLayoutDefectInTheSources() throws IOException {
        // '` ouvre un guillemet typographique pour Asciidoctor : « qu'`accept` »
        // sortait avec ses accents graves ; le renvoi court s'écrit déjà
        // « Section 2.3 », « section <<x>> » l'aurait doublé.
        Pattern apostropheCode = Pattern.compile("\\p{L}'`");
        Pattern doubledWord = Pattern.compile(
                "(?i)\\b(section|chapitre|annexe|partie|figure|tableau)[ \u00a0]+<<");
        // « 30 000 000 » écrit avec des espaces ordinaires peut se couper en
        // fin de ligne : les groupes de chiffres prennent une espace fine
        // insécable (U+202F).
        Pattern splittableNumber = Pattern.compile("(?<![\\d.,])\\d{1,3}(?: \\d{3})+(?!\\d)");
        List<String> found = new ArrayList<>();
        for (Path p : asciidocFiles()) {
            List<String> lines = Files.readAllLines(p);
            boolean inBlock = false;
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if (l.equals("----") || l.equals("....")) {
                    inBlock = !inBlock;
                }
                if (!inBlock && !l.startsWith("//") && (apostropheCode.matcher(l).find()
                        || doubledWord.matcher(l).find()
                        || splittableNumber.matcher(l.replaceAll("`[^`]*`", "")).find())) {
                    found.add(DOCS.relativize(p) + ":" + (i + 1) + " : " + l);
                }
            }
        }
        assertThat(found).isEmpty();
    }

    /** Largeur du texte de la page A4 du thème (21 cm moins 2 × 2 cm), en points. */
    static final double TEXT_WIDTH_PT = 17 / 2.54 * 72;

    @Test
    @DisplayName("le texte des figures s'imprime à 9 pt au moins, celui des graphiques à 8 pt")
    void figureTextIsLegibleOnPaper() throws IOException {
        // Une figure plus large que la page est réduite à sa largeur : son
        // texte avec. Taille imprimée = taille SVG (px, 0,75 pt) × réduction ;
        // pdfwidth, s'il est donné, fixe la largeur imprimée.
        Map<String, Double> pdfWidths = new java.util.HashMap<>();
        Matcher image = Pattern.compile("image::([\\w-]+\\.svg)\\[[^\\]]*pdfwidth=([\\d.]+)cm")
                .matcher(allAsciidoc());
        while (image.find()) {
            pdfWidths.put(image.group(1), Double.parseDouble(image.group(2)) / 2.54 * 72);
        }
        Pattern width = Pattern.compile("<svg[^>]*?\\swidth=[\"']([\\d.]+)(px|pt)?[\"']");
        Pattern size = Pattern.compile("font-size[=:][\"']?\\s*([\\d.]+)");
        List<String> small = new ArrayList<>();
        List<Path> svgs = new ArrayList<>();
        for (String dir : List.of("html/images", "html/images/couts")) {
            try (Stream<Path> s = Files.list(BOOK.resolve(dir))) {
                s.filter(f -> f.toString().endsWith(".svg")).sorted().forEach(svgs::add);
            }
        }
        assertThat(svgs).as("figures du livre").hasSizeGreaterThan(10);
        for (Path svg : svgs) {
            String text = Files.readString(svg);
            Matcher w = width.matcher(text);
            assertThat(w.find()).as("largeur de " + svg).isTrue();
            double points = Double.parseDouble(w.group(1)) * ("pt".equals(w.group(2)) ? 1 : 0.75);
            String name = svg.getFileName().toString();
            double scale = pdfWidths.containsKey(name) ? pdfWidths.get(name) / points
                    : Math.min(1, TEXT_WIDTH_PT / points);
            double min = svg.getParent().endsWith("couts") ? 8 : 9;
            Matcher f = size.matcher(text);
            double smallest = Double.MAX_VALUE;
            while (f.find()) {
                smallest = Math.min(smallest, Double.parseDouble(f.group(1)) * 0.75 * scale);
            }
            if (smallest < min) {
                small.add(String.format(java.util.Locale.ROOT, "%s : %.1f pt (minimum %.0f)",
                        name, smallest, min));
            }
        }
        assertThat(small).as("figures au texte trop petit une fois imprimées").isEmpty();
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

    private static List<PrecisionBoxes.Box> precisionBoxes() throws IOException {
        List<PrecisionBoxes.Box> boxes = new ArrayList<>();
        for (Path p : asciidocFiles()) {
            boxes.addAll(PrecisionBoxes.parse(ROOT.relativize(p).toString(), Files.readAllLines(p)));
        }
        return boxes;
    }

    private static List<Path> asciidocFiles() throws IOException {
        try (Stream<Path> files = Files.walk(DOCS)) {
            return files.filter(f -> f.toString().endsWith(".adoc")).sorted().toList();
        }
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

    /**
     * Le source d'un exemple, relatif à la racine :
     * {@code chapters/src/main/java/…} ou {@code chapters/src/main/java21/…}.
     */
    private static String source(Class<?> example) {
        String file = example.getName().replace('.', '/') + ".java";
        for (String folder : List.of("chapters/src/main/java/",
                "chapters/src/main/java21/")) {
            if (Files.isRegularFile(ROOT.resolve(folder + file))) {
                return folder + file;
            }
        }
        throw new AssertionError("source de l'exemple " + example.getName()
                + " introuvable sous chapters/src/main");
    }
}
