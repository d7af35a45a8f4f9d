package fr.progsys.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import fr.progsys.posix.Unistd;
import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.Snippets;
import fr.progsys.threads.support.Race;

@DisplayName("T02 : ce que les threads partagent, ce qui est à chacun")
class HeapAndStackTest {

    private static final Pattern LINE =
            Pattern.compile("(?m)^(\\S+)\\s+: PID (\\d+), TID (\\d+)");

    /** Écrit par un thread, lu par un autre : un champ statique. */
    static String lastWriter;

    @Test
    @DisplayName("T02 : un PID pour tous, un TID par thread, et main n'est pas le thread initial")
    void onePidManyTids() {
        ChildJvm.Result run = Snippets.capture(HeapAndStack.class);
        assertThat(run.stderr()).as("sortie d'erreur de l'exemple").isEmpty();
        Matcher m = LINE.matcher(run.stdout());
        List<String> pids = new ArrayList<>();
        List<String> tids = new ArrayList<>();
        while (m.find()) {
            pids.add(m.group(2));
            tids.add(m.group(3));
        }
        assertThat(tids).hasSize(4).doesNotHaveDuplicates();
        assertThat(pids).containsOnly(pids.get(0));
        // Le lanceur java exécute main dans un thread qu'il a créé : le
        // thread initial (TID = PID) n'est pas celui de main.
        assertThat(tids).doesNotContain(pids.get(0));
        assertThat(run.stdout()).contains("livre d'or = [")
                .contains("aînée").contains("cadette").contains("benjamine");
        assertThat(run.stdout().lines().filter(l -> l.endsWith("steps = 1000")))
                .hasSize(3);
    }

    @Test
    @DisplayName("T02 : trois threads vivants en même temps ont trois TID différents et le PID de main")
    void liveThreadsHaveDistinctTids() throws InterruptedException {
        CyclicBarrier allAlive = new CyclicBarrier(3);
        Set<Long> tids = ConcurrentHashMap.newKeySet();
        Set<Long> pids = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(() -> {
                tids.add(Unistd.gettid());
                pids.add(Unistd.getpid());
                Race.await(allAlive); // personne ne meurt avant les autres
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(tids).hasSize(3).doesNotContain(Unistd.gettid());
        assertThat(pids).containsExactly(Unistd.getpid());
    }

    @Test
    @DisplayName("T02 : un champ statique écrit par un thread est lu par main après join")
    void staticFieldWrittenByAThreadIsSeenAfterJoin() throws InterruptedException {
        lastWriter = "main";
        Thread writer = new Thread(() -> lastWriter = "cadette", "cadette");
        writer.start();
        writer.join(); // join : tout ce que cadette a fait « arrive avant »
        assertThat(lastWriter).isEqualTo("cadette");
    }

    @Test
    @DisplayName("T02 : une variable locale est propre à chaque thread, un compteur partagé est commun")
    void localVariablesArePerThread() throws InterruptedException {
        AtomicInteger shared = new AtomicInteger();
        CyclicBarrier halfway = new CyclicBarrier(2);
        int[] locals = new int[2];
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            int me = k;
            Thread t = new Thread(() -> {
                int local = 0; // sur la pile de ce thread
                for (int i = 0; i < 5; i++) {
                    local++;
                    shared.incrementAndGet();
                }
                Race.await(halfway); // les deux ont fait la moitié
                for (int i = 0; i < 5; i++) {
                    local++;
                    shared.incrementAndGet();
                }
                locals[me] = local;
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(locals).containsExactly(10, 10);
        assertThat(shared).hasValue(20);
    }
}
