package fr.progsys.correction;

import static fr.progsys.posix.OpenFlags.O_RDONLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import fr.progsys.posix.MessageQueue;
import fr.progsys.posix.PosixException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * La promotion témoin : six copies fabriquées à partir des solutions et des
 * squelettes, corrigées en une seule fois. Les notes attendues sont dites
 * par rapport au nombre de tests fournis découverts (pleine note = total,
 * squelette = 0), pour que le test tienne quand les tests des TP changent.
 *
 * <p>Trois TP seulement (calcul, prodcons, serveurmq) pour borner la durée ;
 * chaque copie fautive ne l'est que dans l'un d'eux, et ses deux autres TP
 * doivent avoir la pleine note : une faute ne déborde ni sur un autre TP ni
 * sur l'étudiant suivant.
 */
@DisplayName("Correcteur : une promotion témoin corrigée en une fois")
class CorrecteurTest {

    static final Path BASE = Path.of(System.getProperty("progsys.basedir", "."))
            .toAbsolutePath().normalize();
    static final Path SOLUTIONS = BASE.resolveSibling("solutions/src/main/java");
    static final Path SQUELETTES = BASE.resolve("src/main/java");
    static final List<String> TPS = List.of("calcul", "prodcons", "serveurmq");
    /**
     * Argument du processus que la copie « boucle » laisse derrière elle,
     * propre à cette JVM de test : deux constructions lancées en même temps
     * sur la machine ne voient pas le « sleep » l'une de l'autre.
     */
    static final String SOMMEIL = String.valueOf(
            900_000_000L + ProcessHandle.current().pid());

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    @DisplayName("pleine note, zéro, ne compile pas, boucle, System.exit, fuite :"
            + " chacun a sa note, rien ne reste derrière")
    void gradesTheFixtureClassAndLeavesNothingBehind() throws Exception {
        Path promo = Files.createDirectories(tmp.resolve("promo"));
        Path travail = tmp.resolve("travail");
        boolean bac = BacASable.detecter().isPresent();
        fabriquer(promo, bac);

        ByteArrayOutputStream journal = new ByteArrayOutputStream();
        Correcteur.Reglages r = new Correcteur.Reglages(promo, BASE, travail, TPS,
                Duration.ofSeconds(45), "256m", 2, true);
        Correcteur c = new Correcteur(r, new PrintStream(journal, true,
                StandardCharsets.UTF_8));
        long debut = System.nanoTime();
        Correcteur.Bilan bilan = c.corriger();
        Duration duree = Duration.ofNanos(System.nanoTime() - debut);
        System.out.println(journal.toString(StandardCharsets.UTF_8));
        System.out.println("durée de la correction témoin : " + duree.toSeconds() + " s");

        Map<String, Integer> totaux = new java.util.HashMap<>();
        for (String tp : TPS) {
            totaux.put(tp, c.decouvrir(tp).size());
            assertThat(totaux.get(tp)).as("tests fournis du TP " + tp).isPositive();
        }
        Map<String, Map<String, Resultat>> notes = new java.util.TreeMap<>();
        bilan.lignes().forEach(l -> notes.put(l.etudiant(), l.resultats()));
        assertThat(notes).containsOnlyKeys("boucle", "exit", "fuite", "ne-compile-pas",
                "solution", "squelette-zip");

        for (String tp : TPS) {
            assertThat(notes.get("solution").get(tp).passes()).as("solution " + tp)
                    .isEqualTo(totaux.get(tp));
            // Zéro parce que ses tests ont tourné et échoué, pas parce que
            // la copie est introuvable ou ne compile pas.
            assertThat(notes.get("squelette-zip").get(tp).passes()).as("squelette " + tp)
                    .isZero();
            assertThat(notes.get("squelette-zip").get(tp).statut()).as("squelette " + tp)
                    .isEqualTo("fail");
            assertThat(notes.get("squelette-zip").get(tp).tests()).as("squelette " + tp)
                    .hasSize(totaux.get(tp)).noneMatch(t -> t.message().isEmpty());
            for (Map<String, Resultat> n : notes.values()) {
                assertThat(n.get(tp).total()).as("total du TP " + tp)
                        .isEqualTo(totaux.get(tp));
            }
        }
        pleineNoteSauf(notes.get("ne-compile-pas"), "calcul", totaux);
        Resultat nc = notes.get("ne-compile-pas").get("calcul");
        assertThat(nc.statut()).isEqualTo("error");
        assertThat(nc.remarque()).isEqualTo("ne compile pas");
        assertThat(nc.message()).startsWith("ne compile pas")
                .contains("<copie>/fr/progsys/tp/calcul/Calcul.java:");

        pleineNoteSauf(notes.get("boucle"), "calcul", totaux);
        Resultat boucle = notes.get("boucle").get("calcul");
        assertThat(boucle.remarque()).isEqualTo("délai dépassé");
        assertThat(boucle.passes()).isLessThan(totaux.get("calcul"));

        pleineNoteSauf(notes.get("exit"), "prodcons", totaux);
        Resultat exit = notes.get("exit").get("prodcons");
        assertThat(exit.remarque()).isEqualTo("JVM arrêtée");
        assertThat(exit.passes()).isLessThan(totaux.get("prodcons"));
        assertThat(exit.tests()).anyMatch(t -> t.message().contains("System.exit"));

        pleineNoteSauf(notes.get("fuite"), "serveurmq", totaux);
        if (bac) {
            // Dans le bac à sable /dev/mqueue est monté : l'hygiène IPC des
            // tests fournis voit la file jamais supprimée.
            assertThat(notes.get("fuite").get("serveurmq").passes())
                    .isLessThan(totaux.get("serveurmq"));
        }

        // Les fichiers rendus.
        List<String> csv = Files.readAllLines(promo.resolve("notes.csv"));
        assertThat(csv).hasSize(7);
        assertThat(csv.get(0)).isEqualTo("etudiant," + String.join(",", TPS) + ",total");
        int tout = totaux.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(csv).contains("solution," + totaux.get("calcul") + "/"
                + totaux.get("calcul") + "," + totaux.get("prodcons") + "/"
                + totaux.get("prodcons") + "," + totaux.get("serveurmq") + "/"
                + totaux.get("serveurmq") + "," + tout + "/" + tout);
        String md = Files.readString(promo.resolve("notes.md"));
        assertThat(md).contains("| Étudiant |", "ne compile pas", "délai dépassé",
                bac ? "Bac à sable : bwrap" : "Sans bac à sable");
        for (String etudiant : notes.keySet()) {
            for (String tp : TPS) {
                Path d = promo.resolve("retours").resolve(etudiant).resolve(tp);
                DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(d.resolve("TEST-" + tp + ".xml").toFile());
                assertThat(Files.readString(d.resolve("results.json")))
                        .contains("\"version\": 3", "\"status\": ");
            }
        }
        assertThat(Files.readString(promo.resolve(
                "retours/ne-compile-pas/calcul/results.json")))
                .contains("\"status\": \"error\"", "ne compile pas");

        // Rien ne reste derrière : ni processus, ni objet IPC, ni socket.
        assertThat(ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().map(l -> l.contains(travail.toString())
                        || l.contains("sleep " + SOMMEIL)).orElse(false))
                .map(h -> h.pid() + " " + h.info().commandLine().orElse(""))
                .toList()).as("processus restés vivants").isEmpty();
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .toList()).as("enfants de la JVM de test").isEmpty();
        try (Stream<Path> s = Files.list(Path.of("/dev/shm"))) {
            assertThat(s.map(p -> p.getFileName().toString())
                    .filter(n -> n.contains("correction-fuite")).toList())
                    .as("/dev/shm").isEmpty();
        }
        if (bac) {
            assertThatThrownBy(() -> MessageQueue.open("/correction-fuite-mq", O_RDONLY)
                    .close()).as("file de la copie « fuite » hors du bac à sable")
                    .isInstanceOf(PosixException.class);
        }
        try (Stream<Path> s = Files.walk(travail)) {
            assertThat(s.filter(p -> p.toString().endsWith(".sock")).toList())
                    .as("fichiers de socket").isEmpty();
        }
        assertThat(duree).as("durée de la correction").isLessThan(Duration.ofMinutes(8));
    }

    private static void pleineNoteSauf(Map<String, Resultat> n, String fautif,
            Map<String, Integer> totaux) {
        for (String tp : TPS) {
            if (!tp.equals(fautif)) {
                assertThat(n.get(tp).passes()).as(tp + " (autre TP que le fautif)")
                        .isEqualTo(totaux.get(tp));
            }
        }
    }

    /** La promotion témoin, sous les trois formes acceptées. */
    static void fabriquer(Path promo, boolean bac) throws IOException {
        // Les solutions : une copie de src/main/java.
        copier(SOLUTIONS, promo.resolve("solution"));
        // Les squelettes intacts : un clone entier (réduit à tp-exercises et
        // aux solutions, qu'il ne faut pas prendre), dans une archive .zip.
        Path clone = promo.resolveSibling("clone");
        copier(SQUELETTES, clone.resolve("progsys/tp-exercises/src/main/java"));
        copier(SOLUTIONS, clone.resolve("progsys/solutions/src/main/java"));
        zipper(clone, promo.resolve("squelette-zip.zip"));

        Path nc = promo.resolve("ne-compile-pas");
        copier(SOLUTIONS, nc);
        inserer(nc.resolve("fr/progsys/tp/calcul/Calcul.java"),
                "public static long somme\\(", "int x = ;");

        Path boucle = promo.resolve("boucle");
        copier(SOLUTIONS, boucle);
        // Un initialiseur de classe qui ne rend jamais la main (les threads
        // suivants attendent la fin de l'initialisation : ils bloquent aussi)
        // et qui laisse un processus « sleep » derrière lui.
        inserer(boucle.resolve("fr/progsys/tp/calcul/Calcul.java"),
                "public final class Calcul", """
                static {
                    try {
                        new ProcessBuilder("sleep", "%s").start();
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                    if (System.nanoTime() != 0) {
                        for (;;) {
                            Thread.onSpinWait();
                        }
                    }
                }
                """.formatted(SOMMEIL));

        Path exit = promo.resolve("exit");
        copier(SOLUTIONS, exit);
        inserer(exit.resolve("fr/progsys/tp/prodcons/Tampon.java"),
                "public void deposer\\(", "System.exit(0);");

        Path fuite = promo.resolve("fuite");
        copier(SOLUTIONS, fuite);
        Path mq = fuite.resolve("fr/progsys/tp/serveurmq/ServeurMq.java");
        if (bac) {
            // Sans bac à sable, ces fuites resteraient vraiment sur la machine
            // (les files hors de /dev/mqueue monté ne se balaient pas) : la
            // copie « fuite » n'est alors qu'une solution de plus.
            String src = Files.readString(mq);
            assertThat(src).as("ServeurMq des solutions")
                    .contains("MessageQueue.unlink(nom);");
            Files.writeString(mq, src.replace("MessageQueue.unlink(nom);",
                    "// mq_unlink oublié"));
            // Des restes que l'hygiène des tests ne voit pas (noms hors
            // projet) : une file, une mémoire partagée, un fichier de socket.
            inserer(mq, "public ServeurMq\\(", """
                    MessageQueue.open("/correction-fuite-mq", O_CREAT | O_RDWR, 0600,
                            MessageQueue.Attributes.of(4, 64));
                    fr.progsys.posix.SharedMemory.open("/correction-fuite-shm",
                            O_CREAT | O_RDWR, 0600);
                    try {
                        java.nio.channels.ServerSocketChannel.open(
                                java.net.StandardProtocolFamily.UNIX).bind(
                                java.net.UnixDomainSocketAddress.of(
                                System.getProperty("java.io.tmpdir") + "/fuite-"
                                + System.nanoTime() + ".sock"));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    """);
        }
    }

    /** Insère {@code code} juste après l'accolade qui suit {@code regex}. */
    static void inserer(Path fichier, String regex, String code) throws IOException {
        String src = Files.readString(fichier);
        Matcher m = Pattern.compile(regex).matcher(src);
        assertThat(m.find()).as(regex + " dans " + fichier).isTrue();
        int accolade = src.indexOf('{', m.end());
        Files.writeString(fichier, src.substring(0, accolade + 1) + "\n" + code
                + src.substring(accolade + 1));
    }

    static void copier(Path source, Path cible) throws IOException {
        try (Stream<Path> s = Files.walk(source)) {
            for (Path p : s.sorted().toList()) {
                Path d = cible.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(d);
                } else {
                    Files.copy(p, d);
                }
            }
        }
    }

    static void zipper(Path dossier, Path zip) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip));
                Stream<Path> s = Files.walk(dossier)) {
            for (Path p : s.filter(Files::isRegularFile)
                    .sorted(Comparator.naturalOrder()).toList()) {
                z.putNextEntry(new ZipEntry(dossier.relativize(p).toString()));
                Files.copy(p, z);
                z.closeEntry();
            }
        }
    }
}
