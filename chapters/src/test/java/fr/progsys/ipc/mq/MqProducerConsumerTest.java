package fr.progsys.ipc.mq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import fr.progsys.ipc.IpcTestSupport;
import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.IpcHygiene;
import fr.progsys.testkit.IpcNames;
import fr.progsys.testkit.Snippets;
import fr.progsys.testkit.Strace;

@DisplayName("I06, I07, I08 : un producteur et un consommateur, deux processus, une file (exemples MqProducer, MqConsumer)")
@ExtendWith(IpcHygiene.class)
@Timeout(value = 150, unit = TimeUnit.SECONDS) // plusieurs JVM enfants à la suite
class MqProducerConsumerTest {

    /** L'ordre de réception attendu : priorité décroissante, FIFO à priorité égale. */
    static final List<String> BY_PRIORITY = List.of("très urgent/20", "urgent/9",
            "normal/3", "routine/0", "routine bis/0", "fin/0");

    private static final Duration T = Duration.ofSeconds(30);

    @BeforeAll
    static void linux() {
        IpcTestSupport.linux();
    }

    static List<String> received(String stdout) {
        List<String> got = new ArrayList<>();
        for (String line : stdout.lines().filter(l -> l.startsWith("reçu")).toList()) {
            String[] parts = line.substring("reçu".length()).trim().split(" +priorité +");
            got.add(parts[0] + "/" + parts[1].trim());
        }
        return got;
    }

    @Test
    @DisplayName("I06, I07 : producteur d'abord : le consommateur reçoit par priorité décroissante, FIFO à égalité")
    void consumerSeesPriorityOrder() {
        String name = IpcNames.unique("file");
        ChildJvm.Result producer = Snippets.capture(MqProducer.class, name);
        assertThat(producer.exitCode()).isZero();

        ChildJvm.Result consumer = Snippets.capture(MqConsumer.class, name);
        assertThat(consumer.exitCode()).isZero();
        assertThat(consumer.stderr()).isEmpty();
        assertThat(received(consumer.stdout())).containsExactlyElementsOf(BY_PRIORITY);
    }

    @Test
    @DisplayName("I07 : consommateur d'abord : il reste bloqué dans l'appel système mq_timedreceive ; le premier message envoyé lui est remis, « fin » sort le dernier")
    void consumerBlocksOnAnEmptyQueue() {
        String name = IpcNames.unique("file");
        try (ChildJvm consumer = ChildJvm.start(MqConsumer.class, name)) {
            // la file existe dès que le consommateur l'a ouverte (O_CREAT)
            await().atMost(T).until(() -> queueExists(name));
            // bloqué dans le noyau, pas en train de sonder la file : l'un de
            // ses threads est dans mq_timedreceive (la glibc y envoie mq_receive)
            if (MQ_TIMEDRECEIVE >= 0) {
                await().atMost(T).until(() -> inSyscall(consumer.pid(), MQ_TIMEDRECEIVE));
            } else {
                System.out.println("architecture " + System.getProperty("os.arch")
                        + " : numéro de mq_timedreceive inconnu, vérification sautée");
            }
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                    .until(() -> consumer.process().isAlive() && consumer.stdout().isEmpty()
                            && (MQ_TIMEDRECEIVE < 0
                                    || inSyscall(consumer.pid(), MQ_TIMEDRECEIVE)));
            ChildJvm.Result producer = ChildJvm.run(T, MqProducer.class, name);
            assertThat(producer.exitCode()).isZero();
            ChildJvm.Result done = consumer.awaitExit(T);
            assertThat(done.exitCode()).isZero();
            List<String> got = received(done.stdout());
            // le noyau remet le premier message au lecteur qui attend ; les
            // suivants s'accumulent pendant qu'il affiche, et sortent par
            // priorité : l'ordre du milieu dépend du rythme des deux processus
            assertThat(got).hasSize(6).containsExactlyInAnyOrderElementsOf(BY_PRIORITY);
            assertThat(got.get(0)).isEqualTo("routine/0");
            assertThat(got.get(5)).isEqualTo("fin/0");
        }
    }

    /** Numéro de l'appel système mq_timedreceive (x86_64 : 243, aarch64 : 183), −1 sinon. */
    static final int MQ_TIMEDRECEIVE = switch (System.getProperty("os.arch")) {
        case "amd64", "x86_64" -> 243;
        case "aarch64" -> 183;
        default -> -1;
    };

    /** Un thread du processus est dans l'appel système {@code nr} (/proc/PID/task/TID/syscall). */
    static boolean inSyscall(long pid, int nr) {
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            return tasks.anyMatch(t -> {
                try {
                    return Files.readString(t.resolve("syscall")).startsWith(nr + " ");
                } catch (IOException e) {
                    return false; // thread fini entre-temps
                }
            });
        } catch (IOException e) {
            return false;
        }
    }

    /** La file existe : un mq_open sans O_CREAT réussit. */
    private static boolean queueExists(String name) {
        try {
            fr.progsys.posix.MessageQueue.open(name,
                    fr.progsys.posix.OpenFlags.O_RDONLY).close();
            return true;
        } catch (fr.progsys.posix.PosixException e) {
            return false;
        }
    }

    @Test
    @DisplayName("I06, I07 : interopérabilité : un producteur C nourrit le consommateur Java, priorités respectées")
    void cProducerFeedsTheJavaConsumer(@TempDir Path dir) {
        Path exe = IpcTestSupport.compileTwin("mq_producer.c", dir);
        String name = IpcNames.unique("file");
        ChildJvm.Result c = ChildJvm.run(T, List.of(exe.toString(), name));
        assertThat(c.exitCode()).as(c.console()).isZero();
        ChildJvm.Result consumer = ChildJvm.run(T, MqConsumer.class, name);
        Snippets.write("ipc/mq-c-producer.txt", "$ ./mq_producer " + name + "\n"
                + c.console() + Snippets.of(MqConsumer.class).variant("c")
                        .record(consumer.console(), name));
        assertThat(received(consumer.stdout())).containsExactlyElementsOf(BY_PRIORITY);
    }

    @Test
    @DisplayName("I04, I06, I07, I08 : strace : le programme Java fait bien mq_open, mq_timedsend, mq_timedreceive, mq_unlink")
    void straceShowsTheRealSystemCalls(@TempDir Path dir) throws IOException {
        IpcTestSupport.strace();
        String name = IpcNames.unique("file");
        String calls = "/^mq_"; // toutes les fonctions dont le nom commence par mq_
        Strace.Trace sent = Strace.run(T, dir.resolve("producteur.trace"), calls,
                MqProducer.class, name);
        Strace.Trace got = Strace.run(T, dir.resolve("consommateur.trace"), calls,
                MqConsumer.class, name);
        Snippets.write("ipc/mq-strace.txt", sent.shown("ipc.mq.producer", name)
                + got.shown("ipc.mq.consumer", name));

        String base = name.substring(1); // le noyau montre le nom sans « / »
        assertThat(sent.calls()).anyMatch(l -> l.startsWith("mq_open(\"" + base + "\""))
                .filteredOn(l -> l.startsWith("mq_timedsend(")).hasSize(6);
        assertThat(got.calls()).anyMatch(l -> l.startsWith("mq_open(\"" + base + "\""))
                // strace aligne parfois le « = » par des espaces : on les ignore
                .anyMatch(l -> l.replaceAll("\\)\\s+=", ") =")
                        .startsWith("mq_unlink(\"" + base + "\") = 0"))
                .filteredOn(l -> l.startsWith("mq_timedreceive(")).hasSize(6);
        assertThat(Files.exists(dir.resolve("producteur.trace"))).isTrue();
    }
}
