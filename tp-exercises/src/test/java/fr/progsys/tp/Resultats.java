package fr.progsys.tp;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * Les TP, dans l'ordre du livre (nom = paquetage fr.progsys.tp.nom) : celui
     * des étiquettes du fichier des indices, seul endroit qui les énumère.
     */
    static final List<String> TPS = Indices.tps();

    /** Lignes au plus d'une raison d'échec (la suite est résumée). */
    static final int LIGNES_DE_RAISON = 8;

    /** Une attente (un test) : son intitulé, tenue ou non, et pourquoi. */
    record Attente(String intitule, boolean tenue, String raison) {
    }

    long tenues() {
        return attentes.stream().filter(Attente::tenue).count();
    }

    /** Lance tous les tests du paquetage fr.progsys.tp.{tp}. */
    static Resultats executer(String tp) {
        return executer(tp, LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("fr.progsys.tp." + tp))
                .build());
    }

    /** Lance les tests de la requête, au nom du TP. */
    static Resultats executer(String tp, LauncherDiscoveryRequest request) {
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

    /**
     * La raison d'un échec, telle que l'étudiant la lit : le message entier
     * (un inventaire de restes, une liste attendue et reçue tiennent sur
     * plusieurs lignes), sans lignes vides, borné à LIGNES_DE_RAISON lignes ;
     * la première dit le type d'erreur s'il n'est pas une simple assertion.
     */
    /**
     * Une attente d'Awaitility arrivée à son terme sans que la condition
     * devienne vraie, dite en français (le message d'Awaitility est en
     * anglais) : l'alias s'il y en a un, le délai, et la ligne du test où
     * l'on attendait, pour aller lire ce qu'il attendait.
     */
    static String attenteDepassee(Throwable t, String message) {
        Matcher delai = Pattern.compile("within (\\d+) (\\w+)").matcher(message);
        Matcher alias = Pattern.compile("alias '([^']+)'").matcher(message);
        StringBuilder b = new StringBuilder("attente dépassée : la condition");
        if (alias.find()) {
            b.append(" « ").append(alias.group(1)).append(" »");
        }
        b.append(" attendue par le test n'est pas arrivée");
        if (delai.find()) {
            b.append(" en ").append(delai.group(1)).append(delai.group(2)
                    .startsWith("second") ? " s" : " " + delai.group(2));
        }
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith("fr.progsys.tp.")
                    && e.getClassName().contains("Test")) {
                b.append(" (").append(e.getFileName()).append(", ligne ")
                        .append(e.getLineNumber()).append(')');
                break;
            }
        }
        return b.append(" : un thread reste bloqué ou n'avance pas.").toString();
    }

    static String raison(Optional<Throwable> erreur) {
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
        Matcher delai = Pattern
                .compile("timed out after (\\d+) (\\w+)").matcher(message);
        if (t instanceof java.util.concurrent.TimeoutException && delai.find()) {
            return "délai dépassé : le test n'a pas fini en " + delai.group(1)
                    + (delai.group(2).startsWith("second") ? " s" : " "
                    + delai.group(2)) + " (interblocage, attente sans fin ou"
                    + " thread jamais attendu ?)";
        }
        if (t.getClass().getSimpleName().equals("ConditionTimeoutException")) {
            return attenteDepassee(t, message);
        }
        // assertTimeoutPreemptively : « … ==> execution timed out after 10000 ms »
        message = message.replaceAll("(?:==> )?execution timed out after (\\d+)000 ms",
                "(délai de $1 s dépassé)");
        List<String> lignes = message.lines().map(String::stripTrailing)
                .filter(l -> !l.isBlank()).toList();
        if (lignes.isEmpty()) {
            lignes = List.of(t.getClass().getSimpleName());
        }
        StringBuilder b = new StringBuilder();
        if (!(t instanceof AssertionError)) {
            b.append(t.getClass().getSimpleName()).append(" : ");
        }
        int n = Math.min(lignes.size(), LIGNES_DE_RAISON);
        for (int i = 0; i < n; i++) {
            String l = lignes.get(i);
            b.append(i == 0 ? "" : "\n").append(l.length() > 300
                    ? l.substring(0, 300) + "…" : l);
        }
        if (lignes.size() > n) {
            b.append("\n(… ").append(lignes.size() - n).append(" ligne(s) de plus)");
        }
        return b.toString();
    }
}
