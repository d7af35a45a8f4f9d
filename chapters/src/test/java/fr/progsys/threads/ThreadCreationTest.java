package fr.progsys.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.Snippets;

@DisplayName("T04, T05, T06 : création de trois threads")
class ThreadCreationTest {

    private static final Pattern START =
            Pattern.compile("(\\S+) : je démarre \\(PID (\\d+), TID (\\d+)\\)");

    @Test
    @DisplayName("T04, T05, T06 : les trois threads tournent, chacun avec son TID, tous avec le PID du processus")
    void threeThreadsShareThePidButNotTheTid() {
        ChildJvm.Result run = Snippets.capture(ThreadCreation.class);

        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).isEmpty();
        List<String[]> starts = run.stdout().lines()
                .map(START::matcher).filter(Matcher::matches)
                .map(m -> new String[] {m.group(1), m.group(2), m.group(3)})
                .toList();
        assertThat(starts).extracting(s -> s[0])
                .containsExactlyInAnyOrder("aînée", "cadette", "benjamine");
        assertThat(starts).extracting(s -> s[1]).containsOnly(starts.get(0)[1]);
        assertThat(starts).extracting(s -> s[2]).doesNotHaveDuplicates()
                .doesNotContain(starts.get(0)[1]);
        assertThat(run.stdout()).contains("main : tout le monde a fini");
    }

    @Test
    @DisplayName("T04, T05, T06 : chaque thread passe ses deux boucles avant de terminer")
    void eachThreadRunsBothLoopsInOrder() {
        ChildJvm.Result run = ChildJvm.run(Duration.ofSeconds(30), ThreadCreation.class);
        for (String name : List.of("aînée", "cadette", "benjamine")) {
            List<String> mine = run.stdout().lines()
                    .filter(l -> l.startsWith(name + " :")).toList();
            assertThat(mine).hasSize(4);
            assertThat(mine.get(1)).contains("boucle 1 finie");
            assertThat(mine.get(2)).contains("boucle 2 finie");
            assertThat(mine.get(3)).endsWith("je termine");
        }
    }
}
