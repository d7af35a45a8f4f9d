package fr.progsys.tp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Vérification du mainteneur : sur chaque squelette intact, tous les tests
 * fournis échouent (aucun ne passe « à vide »). Un squelette que l'étudiant a
 * commencé (empreinte différente du manifeste) n'est pas vérifié : son travail
 * en cours ne casse pas le build du reste du cours.
 */
@DisplayName("Les squelettes des TP")
class SquelettesTest {

    static final Path SOURCES = Path.of(System.getProperty("progsys.basedir", "."))
            .resolve("src/main/java/fr/progsys/tp");

    @TestFactory
    @DisplayName("chaque test fourni échoue sur le squelette intact")
    Stream<DynamicTest> everyProvidedTestFailsOnPristineSkeletons() throws IOException {
        Map<String, String> manifeste = manifeste();
        return Resultats.TPS.stream().map(tp -> DynamicTest.dynamicTest(tp, () -> {
            Assumptions.assumeTrue(Files.isDirectory(SOURCES.resolve(tp)),
                    "TP " + tp + " absent de ce dépôt");
            Map<String, String> actuel = empreintes(tp);
            Map<String, String> attendu = new TreeMap<>();
            manifeste.forEach((f, h) -> {
                if (f.startsWith(tp + "/")) {
                    attendu.put(f, h);
                }
            });
            Assumptions.assumeTrue(actuel.equals(attendu), () ->
                    "squelette " + tp + " modifié (TP en cours) : vérification"
                    + " sautée. Empreintes actuelles :\n" + lignes(actuel));
            Resultats r = Resultats.executer(tp);
            assertThat(r.attentes()).as("tests fournis du TP " + tp).isNotEmpty();
            assertThat(r.attentes()).as("tests qui passent sur le squelette "
                    + tp).noneMatch(Resultats.Attente::tenue);
        }));
    }

    /** Le manifeste : « empreinte  tp/Fichier.java » par ligne. */
    static Map<String, String> manifeste() throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (InputStream in = SquelettesTest.class
                .getResourceAsStream("squelettes.sha256")) {
            assertThat(in).as("manifeste squelettes.sha256").isNotNull();
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .split("\n")) {
                if (!l.isBlank() && !l.startsWith("#")) {
                    String[] parts = l.strip().split("\\s+");
                    m.put(parts[1], parts[0]);
                }
            }
        }
        return m;
    }

    static Map<String, String> empreintes(String tp) throws IOException,
            NoSuchAlgorithmException {
        Map<String, String> m = new TreeMap<>();
        Path dir = SOURCES.resolve(tp);
        if (!Files.isDirectory(dir)) {
            return m;
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            m.put(SOURCES.relativize(f).toString().replace('\\', '/'),
                    HexFormat.of().formatHex(sha.digest(Files.readAllBytes(f))));
        }
        return m;
    }

    private static String lignes(Map<String, String> m) {
        StringBuilder b = new StringBuilder();
        m.forEach((f, h) -> b.append(h).append("  ").append(f).append('\n'));
        return b.toString();
    }
}
