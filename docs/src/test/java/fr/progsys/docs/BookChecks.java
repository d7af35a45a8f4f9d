package fr.progsys.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Les vérifications du livre qui croisent le texte et les tests. */
final class BookChecks {

    private BookChecks() {
    }

    /**
     * Ce qui ne va pas dans un encadré Précision, en une ligne
     * {@code fichier:ligne : …}, ou rien : forme paragraphe au lieu de la forme
     * bloc, ligne de preuve absente ou mal formée, test nommé qui n'existe pas.
     */
    static List<String> proofDefects(PrecisionBoxes.Box box, TestSources tests) {
        List<String> faults = new ArrayList<>();
        if (!box.block()) {
            faults.add("forme paragraphe (écrire [NOTE] puis ====)");
        }
        Optional<List<PrecisionBoxes.Proof>> proofs = PrecisionBoxes.proofs(box);
        if (proofs.isEmpty()) {
            faults.add("pas de dernière ligne « Preuve{nbsp}: `Classe#méthode`, … »");
        } else {
            for (PrecisionBoxes.Proof proof : proofs.get()) {
                if (!tests.hasClass(proof.testClass())) {
                    faults.add("classe de test " + proof.testClass() + " introuvable");
                } else if (!tests.declares(proof.testClass(), proof.method())) {
                    faults.add(proof.testClass() + " ne déclare pas de méthode " + proof.method());
                }
            }
        }
        if (faults.isEmpty()) {
            return List.of();
        }
        String first = box.text().stream().filter(l -> !l.isBlank()).findFirst().orElse("");
        return List.of(box.where() + " : " + String.join(" ; ", faults)
                + " — « " + abbreviate(first.strip(), 50) + " »");
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    /** Les identifiants cités par au moins un {@code @DisplayName} de test (classe ou méthode). */
    static Set<String> idsInDisplayNames(TestSources tests, Pattern id) {
        Set<String> ids = new TreeSet<>();
        Pattern whole = Pattern.compile("\\b(" + id.pattern() + ")\\b");
        for (Path file : tests.files()) {
            for (String name : TestSources.displayNames(tests.text(file))) {
                Matcher m = whole.matcher(name);
                while (m.find()) {
                    ids.add(m.group(1));
                }
            }
        }
        return ids;
    }

    /** Chaque plage d'identifiants d'un nom de test, avec son fichier. */
    static List<String> rangesInDisplayNames(TestSources tests, Pattern id) {
        List<String> found = new ArrayList<>();
        for (Path file : tests.files()) {
            for (String name : TestSources.displayNames(tests.text(file))) {
                for (String range : TestSources.ranges(name, id)) {
                    found.add(file + " : « " + range + " » dans « " + abbreviate(name, 60) + " »");
                }
            }
        }
        return found;
    }
}
