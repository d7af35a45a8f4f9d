package fr.progsys.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Les diapositives reveal.js fabriquées par le build (une par chapitre) :
 * chaque diapositive du cours a la sienne, rien n'est demandé au réseau, les
 * Précisions sont en notes de l'orateur, et une diapositive se voit vraiment
 * dans un navigateur.
 */
@DisplayName("Les diapositives du cours (reveal.js)")
class DiapositivesTest {

    static final Path DECKS = BookTest.BOOK.resolve("diapositives");

    static String deck(String chapter) throws IOException {
        return Files.readString(DECKS.resolve(chapter + ".html"));
    }

    @Test
    @DisplayName("chaque identifiant de diapositives.csv a sa diapositive dans le paquet de son chapitre")
    void everySlideIdHasItsSlide() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Slides.Slide s : Slides.load(BookTest.DOCS.resolve("diapositives.csv"))) {
            if (!deck(s.chapter()).contains("id=\"" + s.anchor() + "\"")) {
                missing.add(s.id() + " (" + s.chapter() + ".html)");
            }
        }
        assertThat(missing).as("diapositives absentes").isEmpty();
    }

    @Test
    @DisplayName("les diapositives ne chargent rien du réseau (reveal.js est livré avec elles)")
    void nothingIsFetchedFromTheNetwork() throws IOException {
        Map<String, List<String>> fetches = new TreeMap<>();
        for (String chapter : chapters()) {
            List<String> found = HtmlChecks.networkFetches(deck(chapter));
            if (!found.isEmpty()) {
                fetches.put(chapter, found);
            }
        }
        assertThat(fetches).as("ressources demandées au réseau").isEmpty();
        assertThat(DECKS.resolve("reveal.js/dist/reveal.js")).exists();
        assertThat(DECKS.resolve("reveal.js/plugin/notes/notes.js")).exists();
    }

    @Test
    @DisplayName("les listings inclus sont là : du code Java et des sorties capturées dans chaque paquet")
    void listingsAreIncluded() throws IOException {
        for (String chapter : chapters()) {
            String html = deck(chapter);
            assertThat(html).as(chapter + " : du code").contains("<pre class=\"rouge highlight\">");
            assertThat(html).as(chapter + " : include non résolu").doesNotContain("Unresolved directive");
            assertThat(count(html, "<aside class=\"notes\">")).as(chapter + " : notes de l'orateur")
                    .isPositive();
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @DisplayName("T04 : la diapositive s'affiche dans Chromium (capture d'écran non vide)")
    void chromiumRendersASlide(@TempDir Path tmp) throws IOException, InterruptedException {
        String chromium = Files.isExecutable(Path.of("/usr/bin/chromium")) ? "/usr/bin/chromium"
                : null;
        assumeTrue(chromium != null, "chromium absent : pas de capture d'écran des diapositives");
        Path png = tmp.resolve("t04.png");
        Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + tmp.resolve("profil"), "--window-size=1280,800",
                "--virtual-time-budget=3000", "--screenshot=" + png,
                DECKS.resolve("threads.html").toUri() + "#/slide-t04")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("chromium.log").toFile())
                .start();
        assertThat(p.waitFor(100, TimeUnit.SECONDS)).as("chromium a fini").isTrue();
        assertThat(png).as(Files.readString(tmp.resolve("chromium.log"))).exists();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        // Une page blanche (reveal.js absent, diapositive vide) n'a presque
        // aucun pixel sombre ; un titre et un listing en ont des milliers.
        assertThat(darkPixels(image)).as("pixels sombres de la capture").isGreaterThan(2_000);
        Path keep = DECKS.resolve("capture-t04.png");
        Files.copy(png, keep, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static long darkPixels(BufferedImage image) {
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int lum = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
                if (lum < 3 * 100) {
                    dark++;
                }
            }
        }
        return dark;
    }

    static List<String> chapters() throws IOException {
        List<String> names = new ArrayList<>();
        for (File f : DECKS.toFile().listFiles((d, n) -> n.endsWith(".html"))) {
            names.add(f.getName().replace(".html", ""));
        }
        String[] listed = Slides.load(BookTest.SLIDE_LIST).stream()
                .map(Slides.Slide::chapter).distinct().toArray(String[]::new);
        assertThat(names).as("paquets de diapositives (un par chapitre de diapositives.csv)")
                .contains(listed);
        return names;
    }

    static int count(String s, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
