package fr.progsys.correction;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Le côté enfant de la correction : lancé dans une JVM neuve (et, si
 * {@code bwrap} est là, dans un bac à sable), il exécute les tests fournis
 * d'un TP par le JUnit Platform Launcher et note chaque événement, au fil de
 * l'eau, dans un journal ({@link Journal}).
 *
 * <p>Le journal est écrit ligne à ligne et vidé aussitôt : si le code de
 * l'étudiant appelle {@code System.exit}, boucle jusqu'au délai ou épuise la
 * mémoire, le correcteur sait quels tests ont fini, lequel tournait, et
 * lesquels n'ont jamais commencé.
 *
 * <pre>java … fr.progsys.correction.Lanceur &lt;tp&gt; &lt;journal&gt;</pre>
 */
public final class Lanceur {

    private Lanceur() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage : Lanceur <tp> <journal>");
            Runtime.getRuntime().halt(2);
        }
        String tp = args[0];
        PrintWriter journal = new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(args[1], true), StandardCharsets.UTF_8), true);
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("fr.progsys.tp." + tp))
                .build();
        Launcher launcher = LauncherFactory.create();
        Map<String, Long> debuts = new ConcurrentHashMap<>();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void testPlanExecutionStarted(TestPlan plan) {
                long n = plan.countTestIdentifiers(TestIdentifier::isTest);
                ecrire(journal, Journal.PLAN, Long.toString(n));
            }

            @Override
            public void dynamicTestRegistered(TestIdentifier test) {
                if (test.isTest()) {
                    ecrire(journal, Journal.DYNAMIQUE, test.getUniqueId());
                }
            }

            @Override
            public void executionStarted(TestIdentifier test) {
                if (test.isTest()) {
                    debuts.put(test.getUniqueId(), System.nanoTime());
                    ecrire(journal, Journal.DEBUT, test.getUniqueId(),
                            test.getDisplayName(), classe(test), methode(test));
                }
            }

            @Override
            public void executionSkipped(TestIdentifier test, String reason) {
                if (test.isTest()) {
                    ecrire(journal, Journal.SAUTE, test.getUniqueId(),
                            test.getDisplayName(), classe(test), methode(test),
                            reason == null ? "" : reason);
                }
            }

            @Override
            public void executionFinished(TestIdentifier test,
                    TestExecutionResult result) {
                if (!test.isTest()) {
                    return;
                }
                Long debut = debuts.remove(test.getUniqueId());
                long ms = debut == null ? 0
                        : (System.nanoTime() - debut) / 1_000_000;
                String statut = switch (result.getStatus()) {
                    case SUCCESSFUL -> "pass";
                    case FAILED -> result.getThrowable()
                            .filter(t -> t instanceof AssertionError)
                            .isPresent() ? "fail" : "error";
                    case ABORTED -> "error";
                };
                ecrire(journal, Journal.FIN, test.getUniqueId(), statut,
                        Long.toString(ms), raison(result.getThrowable()));
            }
        });
        ecrire(journal, Journal.TERMINE);
        journal.close();
        // Un TP faux peut laisser des threads bloqués, et le code de
        // l'étudiant des crochets d'arrêt : on ne les attend pas.
        Runtime.getRuntime().halt(0);
    }

    private static void ecrire(PrintWriter journal, String... champs) {
        synchronized (journal) {
            journal.println(Journal.ligne(champs));
        }
    }

    private static String classe(TestIdentifier test) {
        Optional<TestSource> s = test.getSource();
        return s.filter(MethodSource.class::isInstance)
                .map(m -> ((MethodSource) m).getClassName()).orElse("");
    }

    private static String methode(TestIdentifier test) {
        Optional<TestSource> s = test.getSource();
        return s.filter(MethodSource.class::isInstance)
                .map(m -> ((MethodSource) m).getMethodName()).orElse("");
    }

    /**
     * Ce que l'étudiant lit : la classe de l'erreur et son message (les
     * premières lignes), la cause utile si le message est vide.
     */
    static String raison(Optional<Throwable> erreur) {
        if (erreur.isEmpty()) {
            return "";
        }
        Throwable t = erreur.get();
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? "" : t.getMessage().strip();
        String texte = t instanceof UnsupportedOperationException
                ? message // le squelette pas encore complété : son message suffit
                : t.getClass().getName() + (message.isEmpty() ? "" : " : " + message);
        String[] lignes = texte.split("\n", 16);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(lignes.length, 15); i++) {
            b.append(i == 0 ? "" : "\n").append(lignes[i].stripTrailing());
        }
        return b.length() > 2000 ? b.substring(0, 2000) + " […]" : b.toString();
    }
}
