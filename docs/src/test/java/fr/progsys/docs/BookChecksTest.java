package fr.progsys.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Les vérifications du livre, essayées sur de petites entrées écrites pour
 * elles : chacune doit trouver la faute qu'on y a mise, et rien d'autre.
 * (Les noms affichés ci-dessous ne citent aucun identifiant de diapositive :
 * BookTest les lit aussi.)
 */
@DisplayName("Les vérifications du livre, sur des entrées d'essai")
class BookChecksTest {

    private static final String NB = "\u00a0";

    @Nested
    @DisplayName("la liste des diapositives")
    class SlideList {

        @Test
        @DisplayName("se lit ligne à ligne, en-tête, commentaires et lignes vides sautés")
        void parsesLines() {
            List<Slides.Slide> slides = Slides.parse("essai.csv", List.of(
                    "# liste d'essai", Slides.HEADER, "", "A01;alpha;Premier titre;slide-a01",
                    "B02;beta;Second, avec virgule;slide-b02"));
            assertThat(slides).extracting(Slides.Slide::id).containsExactly("A01", "B02");
            assertThat(slides.get(1).title()).isEqualTo("Second, avec virgule");
            assertThat(slides.get(1).anchor()).isEqualTo("slide-b02");
        }

        @Test
        @DisplayName("l'expression des identifiants vient des préfixes présents")
        void idPatternFromData() {
            Pattern id = Slides.idPattern(Slides.parse("essai.csv", List.of(Slides.HEADER,
                    "B01;b;t;slide-b01", "A01;a;t;slide-a01", "A02;a;t;slide-a02")));
            assertThat(id.pattern()).isEqualTo("[AB]\\d\\d");
            assertThat(id.matcher("C01").matches()).isFalse();
        }

        @Test
        @DisplayName("une ligne mal formée est refusée avec son numéro")
        void rejectsBadLines() {
            assertThatThrownBy(() -> Slides.parse("essai.csv", List.of("id;titre")))
                    .hasMessageContaining("essai.csv:1").hasMessageContaining("en-tête");
            assertThatThrownBy(() -> Slides.parse("essai.csv",
                    List.of(Slides.HEADER, "A01;a;titre ; coupé;slide-a01")))
                    .hasMessageContaining("essai.csv:2").hasMessageContaining("4 champs");
            assertThatThrownBy(() -> Slides.parse("essai.csv",
                    List.of(Slides.HEADER, "a1;a;t;slide-a1")))
                    .hasMessageContaining("identifiant");
            assertThatThrownBy(() -> Slides.parse("essai.csv",
                    List.of(Slides.HEADER, "A01;a;t;slide-a01", "A01;a;t;slide-a01")))
                    .hasMessageContaining("essai.csv:3").hasMessageContaining("ligne 2");
            assertThatThrownBy(() -> Slides.parse("essai.csv", List.of(Slides.HEADER, "A01;a;t;")))
                    .hasMessageContaining("ancre");
        }

        @Test
        @DisplayName("le fichier du livre contient les 56 diapositives du cours")
        void realListHasTheCourse() {
            List<Slides.Slide> slides = Slides.load(BookTest.SLIDE_LIST);
            assertThat(slides).hasSize(56);
            assertThat(Slides.idPattern(slides).pattern()).isEqualTo("[ISTU]\\d\\d");
            assertThat(slides).allSatisfy(s -> assertThat(s.anchor())
                    .isEqualTo("slide-" + s.id().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    @Nested
    @DisplayName("les encadrés Précision")
    class Boxes {

        private final TestSources tests = TestSources.of(Map.of(
                "a/src/test/java/CancelTest.java",
                "class CancelTest {\n  @Test void lockIgnoresInterrupt() { }\n"
                        + "  // void inComment() { }\n  @Nested class Inner { @Test void deep() { } }\n}",
                "b/src/test/java/Other.java", "class Other { void run() { helper(); } }"));

        private List<String> defects(String... adoc) {
            return PrecisionBoxes.parse("x.adoc", List.of(adoc)).stream()
                    .flatMap(b -> BookChecks.proofDefects(b, tests).stream())
                    .toList();
        }

        @Test
        @DisplayName("forme bloc avec une preuve qui existe : rien à redire")
        void goodBlock() {
            assertThat(defects("[NOTE]", "====", "Texte.", "", "Preuve{nbsp}: `CancelTest#lockIgnoresInterrupt`",
                    "====")).isEmpty();
            assertThat(defects("[NOTE]", ".Un titre", "=====", "Texte.", "", "Preuve" + NB + ": "
                    + "`CancelTest#lockIgnoresInterrupt`,", "`Inner#deep`", "=====")).isEmpty();
            assertThat(defects("[NOTE]", "====", "Texte.", "", "Preuve\u202f: `CancelTest#deep`",
                    "====")).isEmpty();
        }

        @Test
        @DisplayName("sans ligne Preuve, ou preuve mal formée : la faute et sa ligne")
        void missingProof() {
            assertThat(defects("Avant.", "", "[NOTE]", "====", "Texte sans preuve.", "===="))
                    .singleElement().asString().startsWith("x.adoc:3 : ").contains("pas de dernière ligne");
            assertThat(defects("[NOTE]", "====", "Preuve{nbsp}: `CancelTest#lockIgnoresInterrupt`", "",
                    "Texte après la preuve.", "====")).hasSize(1);
            assertThat(defects("[NOTE]", "====", "T.", "", "Preuve : `CancelTest#lockIgnoresInterrupt`",
                    "====")).as("espace ordinaire").hasSize(1);
            assertThat(defects("[NOTE]", "====", "T.", "", "Preuve{nbsp}: CancelTest#lockIgnoresInterrupt",
                    "====")).as("sans accents graves").hasSize(1);
        }

        @Test
        @DisplayName("un test nommé qui n'existe pas est signalé")
        void unknownTest() {
            assertThat(defects("[NOTE]", "====", "T.", "", "Preuve{nbsp}: `NoSuchTest#x`", "===="))
                    .singleElement().asString().contains("NoSuchTest introuvable");
            assertThat(defects("[NOTE]", "====", "T.", "", "Preuve{nbsp}: `CancelTest#inComment`", "===="))
                    .singleElement().asString().contains("ne déclare pas de méthode inComment");
            assertThat(defects("[NOTE]", "====", "T.", "", "Preuve{nbsp}: `Other#helper`", "===="))
                    .as("un appel n'est pas une déclaration").hasSize(1);
        }

        @Test
        @DisplayName("la forme paragraphe est signalée, même suivie d'une preuve")
        void paragraphForm() {
            assertThat(defects("NOTE: Un texte", "sur deux lignes.", "", "Autre paragraphe."))
                    .singleElement().asString().startsWith("x.adoc:1 : ")
                    .contains("forme paragraphe").contains("pas de dernière ligne");
            assertThat(defects("NOTE: Texte.", "Preuve{nbsp}: `CancelTest#lockIgnoresInterrupt`"))
                    .singleElement().asString().contains("forme paragraphe")
                    .doesNotContain("pas de dernière ligne");
            assertThat(defects("[NOTE]", "Texte en paragraphe stylé.")).hasSize(1);
        }

        @Test
        @DisplayName("un NOTE dans un bloc de code n'est pas un encadré ; les autres admonitions non plus")
        void ignoresCodeAndOtherAdmonitions() {
            assertThat(PrecisionBoxes.parse("x.adoc", List.of("----", "NOTE: dans le code", "----",
                    "TIP: une astuce", "", "[WARNING]", "====", "attention", "===="))).isEmpty();
        }

        @Test
        @DisplayName("un encadré corrige le support quand sa première phrase nomme le support ou la diapositive")
        void slideCorrections() {
            List<PrecisionBoxes.Box> boxes = PrecisionBoxes.parse("x.adoc", List.of(
                    "[NOTE]", "====", "Le support dit A ; en réalité B.", "====", "",
                    "[NOTE]", "====", "La diapositive montre C.", "====", "",
                    "[NOTE]", "====", "Un détail. Comme sur la diapositive.", "===="));
            assertThat(boxes).extracting(PrecisionBoxes::correctsSlides).containsExactly(true, true, false);
            List<PrecisionBoxes.Box> more = PrecisionBoxes.parse("x.adoc", List.of(
                    "[NOTE]", "====", "Le champ `x` de la diapositive", "n'existe que sous BSD.", "====", "",
                    "[NOTE]", "====", "Sous Linux, A. La diapositive n'en parle pas.", "====", "",
                    "[NOTE]", "====", "Le deuxième argument, que le support appelle « portée », est B.",
                    "===="));
            assertThat(more).extracting(PrecisionBoxes::correctsSlides).containsExactly(true, false, true);
        }
    }

    @Nested
    @DisplayName("les noms des tests")
    class DisplayNames {

        private final Pattern id = Pattern.compile("[ISTU]\\d\\d");

        @Test
        @DisplayName("un nom affiché réunit ses littéraux concaténés, sur plusieurs lignes")
        void concatenatedLiterals() {
            String source = "@DisplayName(\"A : un \\\"mot\\\" \"\n     + \"et (la) suite\")\nclass X {\n"
                    + "  // @DisplayName(\"en commentaire\")\n"
                    + "  @DisplayName(\"tient dans \" + MAX + \" colonnes\") void t() { }\n}";
            assertThat(TestSources.displayNames(source))
                    .containsExactly("A : un \"mot\" et (la) suite", "tient dans  colonnes");
        }

        @Test
        @DisplayName("une plage, à tiret, à barre ou à « à », est trouvée ; une liste à virgules non")
        void ranges() {
            String dash = "\u2013";
            assertThat(TestSources.ranges("I06" + dash + "I08 : file", id)).containsExactly("I06" + dash + "I08");
            assertThat(TestSources.ranges("I06-I08 et S16/S19", id)).containsExactly("I06-I08", "S16/S19");
            assertThat(TestSources.ranges("T13 à T16, T10" + dash + "11", id)).hasSize(2);
            assertThat(TestSources.ranges("I06, I07, I08 : file", id)).isEmpty();
        }

        @Test
        @DisplayName("les identifiants cités et les plages se lisent dans tous les sources")
        void idsAcrossSources() {
            TestSources tests = TestSources.of(Map.of(
                    "m/src/test/java/ATest.java", "@DisplayName(\"T01, T02 : a\") class ATest {}",
                    "n/src/test/java/BTest.java", "class BTest { @DisplayName(\"S05" + "\u2013"
                            + "S07 : b\") void b() {} /* T09 */ }"));
            assertThat(BookChecks.idsInDisplayNames(tests, id)).containsExactlyInAnyOrder("T01", "T02", "S05", "S07");
            assertThat(BookChecks.rangesInDisplayNames(tests, id)).singleElement().asString()
                    .contains("BTest.java");
        }
    }

    @Nested
    @DisplayName("la typographie du HTML")
    class Typography {

        private List<String> faults(String html) {
            return HtmlChecks.typographyViolations(HtmlChecks.visibleText(html));
        }

        @Test
        @DisplayName("texte correct, code et adresses : aucune faute")
        void correctText() {
            assertThat(faults("<p>Voir&#160;: la suite ; non, pas ça</p>".replace(" ;", NB + ";")))
                    .isEmpty();
            assertThat(faults("<p>Il dit «" + NB + "oui" + NB + "» puis «\u202fnon\u202f»&#160;!</p>"))
                    .isEmpty();
            assertThat(faults("<p>À 10:30, std::vector, voir https://example.org/a?b=c et a:b.</p>"))
                    .isEmpty();
            assertThat(faults("<pre>x ? y : z; « a »</pre><code>f() ; g() !</code>"
                    + "<script>if (a) { b : c }</script><style>a:hover{b:c;}</style>")).isEmpty();
            assertThat(faults("<p>Quoi&#160;?!</p>")).isEmpty();
            assertThat(faults("<div id=\"toc\"><div>Titre : sous-titre</div></div><p>ok</p>")).isEmpty();
            assertThat(faults("<div id=\"toc\"><div>a</div></div><p>Titre : suite</p>")).hasSize(1);
        }

        @Test
        @DisplayName("espace ordinaire ou absente avant : ; ? ! », après « : chaque faute comptée")
        void faultsFound() {
            assertThat(faults("<p>Voir : la suite</p>")).singleElement().asString()
                    .contains("espace ordinaire avant « : »");
            assertThat(faults("<p>Voir: la suite; fin!</p>")).hasSize(3);
            assertThat(faults("<p>« oui »</p>")).hasSize(2);
            assertThat(faults("<p>Vraiment ?</p>")).hasSize(1);
        }

        @Test
        @DisplayName("les cas que l'outil manquait : après du code, un lien, du gras, en début de ligne")
        void hardCases() {
            assertThat(faults("<p>« <code>read</code> »</p>")).hasSize(2);
            assertThat(faults("<p>le code <code>x</code> : suite</p>")).hasSize(1);
            assertThat(faults("<p>voir <a href=\"#s\">Section 2</a> ; puis</p>")).hasSize(1);
            assertThat(faults("<p><strong>Gras</strong> : suite</p>")).hasSize(1);
            assertThat(faults("<p>« occupé…\n» et</p>")).hasSize(2);
            assertThat(faults("<p>une phrase\n: qui commence mal</p>")).hasSize(1);
        }

        @Test
        @DisplayName("les attributs et les entités ne sont pas du texte")
        void attributesAndEntities() {
            assertThat(HtmlChecks.visibleText("<a title=\"a : b\" href=\"x?y=1;z\">l&amp;t&#160;</a>"))
                    .isEqualTo("l&t" + NB);
            assertThat(faults("<img alt=\"Figure : « x »\" src=\"a.png\">")).isEmpty();
        }
    }

    @Nested
    @DisplayName("l'outil tools/espaces-insecables.py")
    class Tool {

        @Test
        @DisplayName("corrige les cas difficiles, sans toucher au code ni aux directives")
        void fixesHardCases(@TempDir Path dir) throws IOException, InterruptedException {
            Path adoc = dir.resolve("essai.adoc");
            Files.writeString(adoc, String.join("\n",
                    "== Titre : sous-titre",
                    "NOTE: Voir `x` : suite ; « `read` » et <<ancre>>; *gras*: oui!",
                    "Une citation « occupé…",
                    "» continue, à 10:30, std::vector, voir https://e.org/a?b=c.",
                    "Preuve{nbsp}: `A#b`",
                    "",
                    "----",
                    "code : « intact »",
                    "----",
                    ":attribut: valeur :"), StandardCharsets.UTF_8);
            Process p;
            try {
                p = new ProcessBuilder("python3", BookTest.ROOT.resolve("tools/espaces-insecables.py")
                        .toString(), adoc.toString()).redirectErrorStream(true).start();
            } catch (IOException e) {
                System.out.println("Essai de l'outil sauté : python3 introuvable (" + e.getMessage() + ")");
                Assumptions.abort("python3 introuvable");
                return;
            }
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
            assertThat(Files.readAllLines(adoc)).containsExactly(
                    "== Titre" + NB + ": sous-titre",
                    "NOTE: Voir `x`" + NB + ": suite" + NB + "; «" + NB + "`read`" + NB + "» et <<ancre>>"
                            + NB + "; *gras*" + NB + ": oui" + NB + "!",
                    "Une citation «" + NB + "occupé…" + NB + "»",
                    "continue, à 10:30, std::vector, voir https://e.org/a?b=c.",
                    "Preuve{nbsp}: `A#b`",
                    "",
                    "----",
                    "code : « intact »",
                    "----",
                    ":attribut: valeur :");
        }
    }

    @Nested
    @DisplayName("les ressources du HTML")
    class Network {

        @Test
        @DisplayName("polices, scripts, images et @import distants sont trouvés")
        void remoteFound() {
            String html = "<link rel=\"stylesheet\" href=\"https://fonts.googleapis.com/css?family=X\">"
                    + "<script src='//cdn.example/x.js'></script><img src=\"http://e.org/a.png\">"
                    + "<style>@import \"https://fonts.example/y\";\nb{background:url(https://e.org/i)}</style>";
            assertThat(HtmlChecks.networkFetches(html)).hasSize(5);
        }

        @Test
        @DisplayName("liens hypertexte et ressources locales ne chargent rien")
        void localIgnored() {
            String html = "<a href=\"https://openjdk.org\">JMH</a><link rel=\"stylesheet\" href=\"local.css\">"
                    + "<img src=\"images/a.svg\"><style>@import \"local.css\"; p{}</style>"
                    + "<p>https://example.org dans le texte</p>"
                    + "<style>/* @import \"https://fonts.example/z\"; */ p{}</style>";
            assertThat(HtmlChecks.networkFetches(html)).isEmpty();
        }
    }
}
