package fr.progsys.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.Snippets;

@DisplayName("T02, T03 : threads virtuels, porteurs et TID empruntés (JDK 21+)")
@Timeout(120)
class VirtualThreadsTest {

    private static final Pattern LINE =
            Pattern.compile("(\\S+)\\s+(.+?)\\s+TID (\\d+)( \\(virtuel\\))?");

    static String out;

    @BeforeAll
    static void runOnce() {
        ChildJvm.Result run = ChildJvm.run(Duration.ofSeconds(100),
                VirtualThreads.class);
        assertThat(run.exitCode()).as(run.console()).isZero();
        out = run.stdout();
        Snippets.of(VirtualThreads.class).jdk21().record(run.console());
    }

    /** Les lignes « nom quoi TID n » de la scène {@code n}. */
    static List<String[]> scene(int n) {
        String text = out.split("\n== ")[n];
        return text.lines().map(LINE::matcher).filter(Matcher::matches)
                .map(m -> new String[] {m.group(1), m.group(2), m.group(3),
                        m.group(4) == null ? "" : "virtuel"})
                .toList();
    }

    static String tid(List<String[]> lines, String name, String what) {
        return lines.stream().filter(l -> l[0].equals(name) && l[1].equals(what))
                .findFirst().orElseThrow(() -> new AssertionError(
                        name + " " + what + " absent de :\n" + out))[2];
    }

    @Test
    @DisplayName("avec un seul porteur, deux threads virtuels vivants ensemble ont le même TID, qui n'est pas celui de main")
    void twoVirtualThreadsShareOneKernelThread() {
        List<String[]> s = scene(1);
        String a1 = tid(s, "virtuel-A", "démarre");
        assertThat(tid(s, "virtuel-B", "démarre")).isEqualTo(a1);
        assertThat(tid(s, "virtuel-A", "reprend")).isEqualTo(a1);
        assertThat(tid(s, "main", "(plateforme)")).isNotEqualTo(a1);
        // l'ordre est forcé : A démarre, B tourne pendant que A attend, A reprend
        assertThat(s).extracting(l -> l[0] + " " + l[1]).containsExactly(
                "main (plateforme)", "virtuel-A démarre", "virtuel-B démarre",
                "virtuel-A reprend");
    }

    @Test
    @DisplayName("un thread virtuel qui bloque peut reprendre sur un autre porteur, donc sous un autre TID")
    void aVirtualThreadChangesCarrierAcrossABlockingCall() {
        List<String[]> s = scene(2);
        String before = tid(s, "virtuel-V", "avant de bloquer");
        String after = tid(s, "virtuel-V", "après");
        List<String> carriers = List.of(tid(s, "occupe-1", "occupe un porteur"),
                tid(s, "occupe-2", "occupe un porteur"));
        assertThat(carriers).doesNotHaveDuplicates().contains(before, after);
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    @DisplayName("un appel natif bloquant (sem_wait par jnr) épingle le porteur ; un blocage Java ne l'épingle pas")
    void nativeBlockingPinsTheCarrier() {
        String pinning = out.split("\n== ")[3];
        assertThat(pinning).containsPattern(
                "sem_wait \\(natif, jnr\\)\\s+B a tourné : non");
        assertThat(pinning).containsPattern(
                "Semaphore.acquire \\(Java\\)\\s+B a tourné : oui");
    }

    @Test
    @DisplayName("bloquer dans synchronized épingle avant le JDK 24 (JEP 491), plus depuis")
    void synchronizedPinsOnlyBeforeJdk24() {
        String pinning = out.split("\n== ")[3];
        boolean jdk24 = Runtime.version().feature() >= 24;
        assertThat(pinning).containsPattern(
                "dans synchronized\\s+B a tourné : " + (jdk24 ? "oui" : "non"));
    }
}
