package fr.progsys;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import fr.progsys.testkit.ChildJvm;

@DisplayName("Le lanceur d'exemples")
class LauncherTest {

    @Test
    @DisplayName("chaque exemple a un nom unique, préfixé par son paquet, et un main public")
    void everyExampleIsWellFormed() throws NoSuchMethodException {
        List<Class<?>> all = Launcher.examples();
        assertThat(all).isNotEmpty();
        assertThat(all).extracting(c -> c.getAnnotation(Example.class).name())
                .doesNotHaveDuplicates();
        for (Class<?> c : all) {
            Example e = c.getAnnotation(Example.class);
            String chapter = c.getPackageName().substring("fr.progsys.".length());
            assertThat(e.name()).as(c.getName())
                    .startsWith(chapter + ".")
                    .matches("[a-z.]+\\.[a-z0-9-]+");
            // la forme d'un identifiant ; qu'il figure dans diapositives.csv,
            // BookTest#slidesOfEveryExampleHaveAnchors le vérifie
            assertThat(e.slides()).as(c.getName()).isNotEmpty()
                    .allMatch(s -> s.matches("[A-Z]\\d\\d"));
            assertThat(e.value()).as(c.getName()).isNotBlank();
            Method main = c.getMethod("main", String[].class);
            assertThat(Modifier.isStatic(main.getModifiers())).isTrue();
        }
    }

    @Test
    @DisplayName("sans nom, le lanceur liste chaque exemple avec sa description")
    void noNameListsEveryExample() {
        ChildJvm.Result run = ChildJvm.run(Duration.ofSeconds(30), Launcher.class);
        assertThat(run.exitCode()).isZero();
        for (Class<?> c : Launcher.examples()) {
            Example e = c.getAnnotation(Example.class);
            assertThat(run.stdout()).contains(e.name()).contains(e.value());
        }
    }

    @Test
    @DisplayName("un nom inconnu donne la liste et le code 2, pas une trace de pile")
    void unknownNameListsInsteadOfCrashing() {
        ChildJvm.Result run = ChildJvm.run(Duration.ofSeconds(30), Launcher.class,
                "threads.inexistant");
        assertThat(run.exitCode()).isEqualTo(Launcher.UNKNOWN);
        assertThat(run.stdout()).contains("Exemple inconnu : « threads.inexistant »")
                .contains("threads.creation");
        assertThat(run.stderr()).doesNotContain("Exception");
    }

    @Test
    @DisplayName("un nom connu lance l'exemple avec ses arguments")
    void knownNameRunsTheExample() {
        ChildJvm.Result run = ChildJvm.run(Duration.ofSeconds(30), Launcher.class,
                "threads.creation");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("main : tout le monde a fini");
    }
}
