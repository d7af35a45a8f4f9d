package fr.progsys.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Dit dans la sortie du build chaque test ignoré, avec sa raison : un outil
 * absent (gcc, strace, nc…) ou une plateforme qui n'est pas Linux.
 *
 * <p>Enregistré par {@code META-INF/services} : JUnit le charge dans chaque
 * JVM de test de tous les modules. Chaque ligne est aussi ajoutée à
 * {@code target/tests-ignores.txt} du module, que {@code .ci/run} lit : en
 * intégration continue, où tous les outils sont installés, un test ignoré
 * est une erreur.
 */
public final class SkipReporter implements TestExecutionListener {

    static final String REPORT = "tests-ignores.txt";

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        try {
            Files.deleteIfExists(target().resolve(REPORT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        report(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            report(test, result.getThrowable()
                    .map(Throwable::getMessage)
                    .orElse("hypothèse non satisfaite"));
        }
    }

    private static void report(TestIdentifier test, String reason) {
        String where = test.getSource()
                .filter(MethodSource.class::isInstance)
                .map(src -> {
                    MethodSource m = (MethodSource) src;
                    String cls = m.getClassName();
                    return cls.substring(cls.lastIndexOf('.') + 1) + "#" + m.getMethodName();
                })
                .orElse(test.getDisplayName());
        String line = "[IGNORÉ] " + where + " (" + test.getDisplayName() + ") : "
                + firstLine(reason);
        System.out.println(line);
        Path target = target();
        if (Files.isDirectory(target)) {
            try {
                Files.writeString(target.resolve(REPORT), line + System.lineSeparator(),
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Path target() {
        return Path.of(System.getProperty("progsys.target", "target"));
    }

    private static String firstLine(String reason) {
        if (reason == null || reason.isBlank()) {
            return "(sans raison)";
        }
        String s = reason.strip();
        s = s.replaceFirst("^Assumption failed: ", "");
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
