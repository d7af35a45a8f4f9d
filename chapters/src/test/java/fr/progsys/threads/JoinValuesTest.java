package fr.progsys.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import fr.progsys.CTwins;
import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.Snippets;

@DisplayName("T10, T11 : chaque thread rend son nom, main les joint dans l'ordre")
class JoinValuesTest {

    private static final Pattern JOINED =
            Pattern.compile("main : thread n° (\\d+), valeur (\\S+)");

    @Test
    @Timeout(120)
    @DisplayName("T10, T11 : le jumeau C join_values.c rend les mêmes valeurs, dans le même ordre, que JoinValues")
    void cTwinPrintsTheSameFacts(@TempDir Path dir) {
        ChildJvm.Result c = CTwins.runCaptured("threads/join_values.c", dir,
                Duration.ofSeconds(30), "threads/join-values-c.txt");
        ChildJvm.Result java = Snippets.capture(JoinValues.class);
        // Un jumeau qui joindrait dans l'ordre de fin, ou rendrait autre
        // chose que le nom, donnerait une autre liste.
        assertThat(joinedValues(c.stdout(), "main : thread (\\d+), valeur (\\S+)"))
                .containsExactly("aînée", "cadette", "benjamine")
                .isEqualTo(joinedValues(java.stdout(), JOINED.pattern()));
        assertThat(c.stdout().lines().filter(l -> l.endsWith("je rends mon nom")))
                .hasSize(3);
    }

    private static List<String> joinedValues(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        List<String> values = new ArrayList<>();
        while (m.find()) {
            values.add(m.group(2));
        }
        return values;
    }

    @Test
    @DisplayName("T10, T11 : main affiche, dans l'ordre de création, l'identifiant et le nom rendu")
    void mainPrintsIdAndValueInCreationOrder() {
        ChildJvm.Result run = Snippets.capture(JoinValues.class);
        assertThat(run.stderr()).as("sortie d'erreur de l'exemple").isEmpty();
        assertThat(run.exitCode()).isZero();
        Matcher m = JOINED.matcher(run.stdout());
        List<String> ids = new ArrayList<>();
        List<String> values = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
            values.add(m.group(2));
        }
        assertThat(values).containsExactly("aînée", "cadette", "benjamine");
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(run.stdout().lines().filter(l -> l.endsWith("je rends mon nom")))
                .hasSize(3);
    }

    @Test
    @DisplayName("T10, T11 : joindre dans l'ordre rend les valeurs dans l'ordre, même si les threads finissent à l'envers")
    void joiningInOrderIgnoresTheFinishingOrder() throws Exception {
        List<String> names = List.of("aînée", "cadette", "benjamine");
        List<String> finished = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<FutureTask<String>> results = new ArrayList<>();
        CountDownLatch[] mayFinish = {new CountDownLatch(1),
            new CountDownLatch(1), new CountDownLatch(1)};
        for (int i = 0; i < 3; i++) {
            int me = i;
            FutureTask<String> result = new FutureTask<>(() -> {
                mayFinish[me].await();
                synchronized (finished) {
                    finished.add(names.get(me));
                }
                return JoinValues.routine();
            });
            Thread t = new Thread(result, names.get(i));
            threads.add(t);
            results.add(result);
            t.start();
        }
        // benjamine finit la première, aînée la dernière
        for (int i = 2; i >= 0; i--) {
            mayFinish[i].countDown();
            threads.get(i).join();
        }
        List<String> joined = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            threads.get(i).join();
            joined.add(results.get(i).get());
        }
        assertThat(finished).containsExactly("benjamine", "cadette", "aînée");
        assertThat(joined).containsExactly("aînée", "cadette", "benjamine");
    }
}
