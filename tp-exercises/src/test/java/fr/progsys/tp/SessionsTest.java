package fr.progsys.tp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.Snippets;

/**
 * Ce qu'affiche la vérification d'un TP, pour la page « Mode d'emploi des
 * travaux pratiques » : la vraie commande de l'étudiant (la JVM de
 * {@link Verificateur}), lancée par le build sur trois états du TP des
 * philosophes, et sa sortie écrite dans {@code tp/verification-*.txt}.
 *
 * <ul>
 * <li>le squelette intact : toutes les exigences en échec, la raison dit
 * quelle méthode compléter ;</li>
 * <li>un TP à moitié fait : {@code Table} écrite (celle des solutions),
 * {@code Diner} pas encore ;</li>
 * <li>un TP qui se bloque : {@code poser} oublie de rendre la baguette
 * droite ; le voisin l'attend pour toujours, le délai du test l'arrête, et
 * {@code jstack} montre où chaque philosophe attend.</li>
 * </ul>
 */
@DisplayName("Les sessions de vérification montrées dans le livre")
class SessionsTest {

    static final String COMMANDE = "$ ./mvnw -q -pl tp-exercises -am test-compile"
            + " -Dtp=philosophes";
    static final Duration SESSION = Duration.ofSeconds(150);
    static final Path SOURCES = SquelettesTest.SOURCES.resolve("philosophes");
    static final Path SOLUTIONS = SquelettesTest.SOURCES
            .resolve("../../../../../../../solutions/src/main/java/fr/progsys/tp")
            .normalize().resolve("philosophes");

    @TempDir
    Path tmp;

    /**
     * Attrape un Verificateur qui n'afficherait pas toutes les exigences en
     * échec sur le squelette, ou dont la raison ne nommerait pas le TP.
     */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    @DisplayName("squelette intact : toutes les exigences en échec, code de sortie 1")
    void untouchedSkeleton() throws IOException {
        Assumptions.assumeTrue(Verificateur.intact("philosophes"),
                "squelette des philosophes modifié : pas de session à montrer");
        ChildJvm.Result r = verifier(List.of());
        assertThat(r.exitCode()).as("code de sortie").isEqualTo(Verificateur.ECHEC);
        assertThat(r.stdout()).contains("0 exigence(s) sur 7 tenue(s).")
                .contains("TP philosophes : à compléter")
                .doesNotContain("[ok]");
        Snippets.write("tp/verification-squelette.txt", session(r));
    }

    /**
     * La moitié faite : les exigences sur la table tiennent, celles sur le
     * dîner échouent. Attrape un Verificateur qui compterait mal ou qui
     * n'afficherait pas l'indice suivant.
     */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    @DisplayName("à moitié fait : la table tient, le dîner reste à écrire")
    void halfDone() throws IOException {
        Path src = copie();
        Files.copy(SOLUTIONS.resolve("Table.java"), src.resolve("Table.java"),
                StandardCopyOption.REPLACE_EXISTING);
        ChildJvm.Result r = verifier(List.of(compiler(src)));
        assertThat(r.exitCode()).as("code de sortie").isEqualTo(Verificateur.ECHEC);
        assertThat(r.stdout()).contains("[ok]").contains("[ÉCHEC]")
                .contains("Besoin d'aide ? Indice 1 sur");
        Snippets.write("tp/verification-moitie.txt", session(r));
    }

    /**
     * Le blocage : {@code poser} ne rend que la baguette gauche. Le dîner ne
     * finit jamais ; le test est arrêté par son délai, et la raison le dit.
     * Pendant qu'il attend, {@code jstack} (du JDK qui fait tourner les tests)
     * montre les philosophes garés dans {@code Baguette.prendre}. Attrape un
     * délai qui ne s'afficherait pas comme tel (trace Java brute) ou une
     * vérification qui gèlerait au lieu de s'arrêter.
     */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    @DisplayName("blocage : le délai arrête le test, jstack montre qui attend quoi")
    void deadlockStoppedByTimeout() throws Exception {
        Path src = copie();
        String table = Files.readString(SOLUTIONS.resolve("Table.java"));
        String droite = "        baguettes[(i + 1) % n].poser(i);\n";
        assertThat(table).as("poser de la solution").contains(droite);
        Files.writeString(src.resolve("Table.java"), table.replace(droite,
                "        // (la baguette droite n'est jamais rendue)\n"));
        Files.copy(SOLUTIONS.resolve("Diner.java"), src.resolve("Diner.java"),
                StandardCopyOption.REPLACE_EXISTING);
        String classes = compiler(src);
        AtomicReference<String> pile = new AtomicReference<>();
        AtomicLong pid = new AtomicLong();
        ChildJvm.Result r;
        try (ChildJvm jvm = ChildJvm.start(commande(List.of(classes)))) {
            pid.set(jvm.pid());
            // Attendre que les philosophes soient tous bloqués : jstack le dit.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        String p = jstack(jvm.pid());
                        pile.set(p);
                        return philosophesBloques(p) >= 2;
                    });
            r = jvm.awaitExit(SESSION);
        }
        assertThat(r.exitCode()).as("code de sortie").isEqualTo(Verificateur.ECHEC);
        assertThat(r.stdout()).contains("délai dépassé");
        Snippets.write("tp/verification-blocage.txt", session(r));
        String extrait = extrait(pile.get());
        assertThat(extrait).contains("Baguette.prendre").contains("WAITING");
        Snippets.write("tp/verification-jstack.txt", "$ jstack " + pid.get()
                + "\n…\n" + extrait);
    }

    /** Une copie du squelette des philosophes, à compléter ou à fausser. */
    private Path copie() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src"));
        try (var s = Files.list(SOURCES)) {
            for (Path f : s.toList()) {
                Files.copy(f, src.resolve(f.getFileName()));
            }
        }
        return src;
    }

    /** Compile la copie comme la surveillance le fait ; rend le dossier des classes. */
    private String compiler(Path src) {
        Path classes = tmp.resolve("classes");
        String erreurs = Surveillance.compiler(src, classes,
                System.getProperty("java.class.path"));
        assertThat(erreurs).as("erreurs de compilation").isNull();
        return classes.toString();
    }

    private ChildJvm.Result verifier(List<String> avant) {
        return ChildJvm.run(SESSION, commande(avant));
    }

    /**
     * La JVM de la boucle étudiante, comme {@link Lanceur} la démarre : le
     * class path de test, précédé des classes recompilées s'il y en a ; une
     * mémoire des indices vide, pour que la sortie ne dépende pas de la
     * machine.
     */
    private List<String> commande(List<String> avant) {
        List<String> cp = new ArrayList<>(avant);
        cp.add(System.getProperty("java.class.path"));
        return ChildJvm.command(Verificateur.class.getName(),
                String.join(File.pathSeparator, cp),
                List.of("-Dprogsys.boucle=" + tmp.resolve("boucle")), "tp=philosophes");
    }

    private static String session(ChildJvm.Result r) {
        return COMMANDE + "\n" + r.stdout().strip() + "\n";
    }

    private static String jstack(long pid) throws IOException, InterruptedException {
        Path outil = Path.of(System.getProperty("java.home"), "bin", "jstack");
        Process p = new ProcessBuilder(outil.toString(), Long.toString(pid))
                .redirectErrorStream(true).start();
        String sortie = new String(p.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return sortie;
    }

    /** Les blocs de jstack, un par thread (séparés par une ligne vide). */
    private static List<String> blocs(String pile) {
        return List.of(pile.split("\\R\\R"));
    }

    private static long philosophesBloques(String pile) {
        return blocs(pile).stream().filter(b -> b.contains("Baguette.prendre")
                && b.contains("WAITING")).count();
    }

    /**
     * Deux threads de philosophes bloqués, réduits à ce qu'on lit : le nom,
     * l'état, ce qu'il attend et les cadres du TP ; sans les adresses, qui
     * changent à chaque exécution.
     */
    static String extrait(String pile) {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (String bloc : blocs(pile)) {
            if (!(bloc.contains("Baguette.prendre") && bloc.contains("WAITING"))
                    || n == 2) {
                continue;
            }
            n++;
            for (String l : bloc.lines().toList()) {
                String t = l.strip();
                if (l.startsWith("\"")) {
                    Matcher m = Pattern.compile("^\"([^\"]+)\"").matcher(l);
                    b.append(m.find() ? "\"" + m.group(1) + "\"" : l).append('\n');
                } else if (t.startsWith("java.lang.Thread.State")
                        || t.startsWith("- parking to wait for")
                        || t.contains("fr.progsys.tp.philosophes")
                        && !t.contains("$$Lambda")) {
                    b.append("   ").append(t.replaceAll("\\s*<0x[0-9a-f]+>", ""))
                            .append('\n');
                }
            }
            b.append('\n');
        }
        return b.toString().strip() + "\n";
    }
}
