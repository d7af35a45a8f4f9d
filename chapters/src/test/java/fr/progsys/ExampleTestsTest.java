package fr.progsys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Chaque exemple du cours a un test qui le nomme : sa classe {@code
 * <Exemple>Test} dans le même paquet, ou une classe de test du même paquet
 * dont le {@code @DisplayName} cite l'exemple par son nom de classe (un
 * test qui couvre plusieurs exemples les énumère). Les exemples viennent de
 * {@link Launcher#examples()}, les tests des classes compilées à côté de
 * celle-ci ({@code target/test-classes}) : tout par réflexion, comme le
 * lanceur.
 */
@DisplayName("Les exemples et leurs tests")
class ExampleTestsTest {

    @Test
    @DisplayName("chaque exemple (@Example) a son test <Classe>Test, ou un test de son paquet dont le nom affiché le cite")
    void everyExampleHasANamedTest() {
        List<Class<?>> tests = testClasses();
        assertThat(tests).as("classes de test trouvées").isNotEmpty();
        List<String> orphans = new ArrayList<>();
        for (Class<?> example : Launcher.examples()) {
            if (!covered(example, tests)) {
                orphans.add(example.getName());
            }
        }
        assertThat(orphans).as("exemples sans test qui les nomme : écrire <Classe>Test,"
                + " ou citer la classe dans le @DisplayName du test qui la couvre").isEmpty();
    }

    static boolean covered(Class<?> example, List<Class<?>> tests) {
        Pattern named = Pattern.compile("\\b" + example.getSimpleName() + "\\b");
        for (Class<?> test : tests) {
            if (!test.getPackageName().equals(example.getPackageName())) {
                continue;
            }
            if (test.getSimpleName().equals(example.getSimpleName() + "Test")) {
                return true;
            }
            DisplayName shown = test.getAnnotation(DisplayName.class);
            if (shown != null && named.matcher(shown.value()).find()) {
                return true;
            }
        }
        return false;
    }

    /** Les classes de premier niveau de fr.progsys compilées avec ce test. */
    static List<Class<?>> testClasses() {
        List<Class<?>> found = new ArrayList<>();
        for (String name : Launcher.classNames(ExampleTestsTest.class)) {
            try {
                found.add(Class.forName(name, false,
                        ExampleTestsTest.class.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new AssertionError("classe de test illisible : " + name, e);
            }
        }
        return found;
    }
}
