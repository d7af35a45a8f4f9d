package fr.progsys.support;

import static org.assertj.core.api.Assertions.assertThat;

import fr.progsys.Example;
import fr.progsys.Launcher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Chaque exemple (toutes les classes {@link Example}, trouvées par
 * {@link Launcher#examples()}) se comporte comme un outil Unix. Attrape un
 * exemple qui lancerait son travail sur {@code --help}, ou dont la mauvaise
 * option finirait en trace d'exception.
 */
@DisplayName("Lignes de commande des exemples : --help et option inconnue")
class CliTest {

    static Stream<Class<?>> examples() {
        return Launcher.examples().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    @DisplayName("--help imprime une ligne d'usage et vaut 0")
    void helpPrintsUsageAndExitsZero(Class<?> example) throws Throwable {
        Run r = run(example, "--help");
        assertThat(r.code).isZero();
        assertThat(r.out).startsWith("usage : "
                + example.getAnnotation(Example.class).name());
        assertThat(r.out.lines()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    @DisplayName("une option inconnue imprime l'usage sur stderr et vaut 2,"
            + " sans trace")
    void unknownOptionPrintsUsageAndExitsTwo(Class<?> example)
            throws Throwable {
        Run r = run(example, "--option-inconnue");
        assertThat(r.code).isEqualTo(Cli.USAGE);
        assertThat(r.err).contains("option inconnue : --option-inconnue")
                .contains("usage : ").doesNotContain("Exception");
        assertThat(r.out).isEmpty();
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(Class<?> example, String... args) throws Throwable {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true,
                        StandardCharsets.UTF_8)) {
            code = Launcher.run(example, args, o, e);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }
}
