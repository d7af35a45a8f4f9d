package fr.progsys.tp;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Les résultats des tests fournis d'un TP, exécutés par le JUnit Platform
 * Launcher contre les classes présentes sur le class path : les squelettes
 * dans tp-exercises, les solutions dans solutions.
 */
record Resultats(String tp, List<Attente> attentes) {

    /** Les huit TP, dans l'ordre du livre (nom = paquetage fr.progsys.tp.nom). */
    static final List<String> TPS = List.of("philosophes", "prodcons", "calcul",
            "serveurmq", "tampon", "udp", "chat", "selector");

    /** Une attente (un test) : son intitulé, tenue ou non, et pourquoi. */
    record Attente(String intitule, boolean tenue, String raison) {
    }

    long tenues() {
        return attentes.stream().filter(Attente::tenue).count();
    }

    /** Lance tous les tests du paquetage fr.progsys.tp.{tp}. */
    static Resultats executer(String tp) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("fr.progsys.tp." + tp))
                .build();
        List<Attente> attentes = new ArrayList<>();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionSkipped(TestIdentifier test, String reason) {
                if (test.isTest()) {
                    attentes.add(new Attente(intitule(test), false,
                            "sauté : " + reason));
                }
            }

            @Override
            public void executionFinished(TestIdentifier test,
                    TestExecutionResult result) {
                if (test.isTest()) {
                    boolean ok = result.getStatus()
                            == TestExecutionResult.Status.SUCCESSFUL;
                    attentes.add(new Attente(intitule(test), ok,
                            ok ? "" : raison(result.getThrowable())));
                }
            }
        });
        return new Resultats(tp, attentes);
    }

    private static String intitule(TestIdentifier test) {
        return test.getDisplayName();
    }

    /** La première ligne utile de l'erreur : c'est ce que l'étudiant lit. */
    private static String raison(Optional<Throwable> erreur) {
        if (erreur.isEmpty()) {
            return "échec";
        }
        Throwable t = erreur.get();
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName()
                : t.getMessage().strip();
        if (t instanceof UnsupportedOperationException) {
            // Le squelette n'est pas encore complété : c'est son message.
            return message;
        }
        String premiere = message.lines().filter(l -> !l.isBlank())
                .findFirst().orElse(message);
        return t.getClass().getSimpleName() + " : " + premiere;
    }
}
