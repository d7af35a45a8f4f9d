package fr.progsys.posix;

import static fr.progsys.posix.Mman.MAP_SHARED;
import static fr.progsys.posix.Mman.PROT_READ;
import static fr.progsys.posix.OpenFlags.O_CREAT;
import static fr.progsys.posix.OpenFlags.O_EXCL;
import static fr.progsys.posix.OpenFlags.O_RDWR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.engine.TestExecutionResult;

import fr.progsys.posix.MessageQueue.Attributes;
import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.IpcHygiene;
import fr.progsys.testkit.IpcNames;
import fr.progsys.testkit.IpcSnapshot;
import fr.progsys.testkit.IpcSweeper;

@DisplayName("I01, I08, I11, I15 : hygiène des tests, les fuites d'objets IPC sont vues, les restes d'un run tué balayés")
class IpcHygieneTest {

    @BeforeAll
    static void linuxOnly() {
        PosixAssumptions.linux("les objets IPC POSIX");
    }

    @Test
    @DisplayName("I11, I15 : le relevé voit un objet non supprimé, un descripteur et une projection restés ouverts")
    void snapshotSeesLeakedObjectDescriptorAndMapping() {
        IpcSnapshot before = IpcSnapshot.take();
        String shmName = IpcNames.unique("fuite");
        String semName = IpcNames.unique("fuite-sem");
        SharedMemory shm = SharedMemory.open(shmName, O_CREAT | O_EXCL | O_RDWR, 0600);
        shm.truncate(16);
        MappedMemory m = shm.map(16, PROT_READ, MAP_SHARED);
        NamedSemaphore sem = NamedSemaphore.open(semName, O_CREAT | O_EXCL, 0600, 1);
        try {
            List<String> leaks = IpcSnapshot.take().leaksSince(before);
            assertThat(leaks).anyMatch(l -> l.startsWith("objet IPC non supprimé")
                    && l.endsWith(shmName.substring(1)));
            assertThat(leaks).anyMatch(l -> l.startsWith("objet IPC non supprimé")
                    && l.endsWith("sem." + semName.substring(1)));
            assertThat(leaks).anyMatch(l -> l.startsWith("descripteur resté ouvert"));
            assertThat(leaks).anyMatch(l -> l.startsWith("projection restée"));
        } finally {
            m.unmap();
            shm.close();
            sem.close();
        }
        IpcSnapshot.take().cleanUpSince(before); // le nettoyage de l'extension
        assertThat(Path.of("/dev/shm", shmName.substring(1))).doesNotExist();
        assertThat(Path.of("/dev/shm", "sem." + semName.substring(1))).doesNotExist();
        assertThat(IpcSnapshot.take().leaksSince(before)).isEmpty();
    }

    @Test
    @DisplayName("I14 : le relevé voit un processus enfant encore vivant")
    void snapshotSeesALiveChild() {
        IpcSnapshot before = IpcSnapshot.take();
        try (ChildJvm child = ChildJvm.start(List.of("cat"))) {
            assertThat(IpcSnapshot.take().leaksSince(before))
                    .containsExactly("processus enfant encore vivant : " + child.pid());
        }
        assertThat(IpcSnapshot.take().leaksSince(before)).isEmpty();
    }

    @Test
    @DisplayName("I01 : le balayeur supprime les objets d'un PID mort et garde ceux d'un PID vivant")
    void sweeperRemovesOnlyObjectsOfDeadProcesses(@TempDir Path dir) throws Exception {
        long dead;
        try (ChildJvm child = ChildJvm.start(List.of("true"))) {
            child.awaitExit(Duration.ofSeconds(10));
            dead = child.pid();
        }
        Path abandoned = Files.createFile(dir.resolve("progsys-" + dead + "-1-shm"));
        Path abandonedSem = Files.createFile(dir.resolve("sem.progsys-" + dead + "-2-sem"));
        Path alive = Files.createFile(dir.resolve(IpcNames.ownPrefix() + "3-shm"));
        Path foreign = Files.createFile(dir.resolve("autre-chose"));
        assertThat(IpcSweeper.sweep(List.of(dir)))
                .containsExactlyInAnyOrder(abandoned, abandonedSem);
        assertThat(alive).exists();
        assertThat(foreign).exists();
    }

    /** La file que {@link LeakyQueue} laisse derrière elle. */
    static final AtomicReference<String> LEAKED = new AtomicReference<>();

    /**
     * Un test qui oublie mq_unlink. Il ne tourne que lancé par
     * {@link #aLeakedQueueFailsTheTestThatLeakedIt} (propriété posée par lui).
     */
    @ExtendWith(IpcHygiene.class)
    @EnabledIfSystemProperty(named = "progsys.demo-fuite", matches = "oui")
    static class LeakyQueue {
        @Test
        void forgetsMqUnlink() {
            String name = IpcNames.unique("fuite-mq");
            LEAKED.set(name);
            MessageQueue.open(name, O_CREAT | O_EXCL | O_RDWR, 0600, Attributes.of(1, 8))
                    .close(); // mq_close, mais pas mq_unlink
        }
    }

    @Test
    @DisplayName("I08 : une file jamais supprimée (mq_unlink oublié) fait échouer le test qui l'a laissée, même sans /dev/mqueue monté")
    void aLeakedQueueFailsTheTestThatLeakedIt() {
        System.out.println("/dev/mqueue monté : " + IpcSnapshot.mqueueMounted()
                + " (sinon la file est vue par mq_open sur les noms fabriqués)");
        AtomicReference<TestExecutionResult> result = new AtomicReference<>();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult r) {
                if (id.isTest()) {
                    result.set(r);
                }
            }
        };
        System.setProperty("progsys.demo-fuite", "oui");
        try {
            Launcher launcher = LauncherFactory.create();
            launcher.execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(LeakyQueue.class)).build(), listener);
        } finally {
            System.clearProperty("progsys.demo-fuite");
        }
        String name = LEAKED.get();
        assertThat(name).isNotNull();
        assertThat(result.get().getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        assertThat(result.get().getThrowable().orElseThrow().getMessage())
                .contains("objet IPC non supprimé (unlink oublié) : /dev/mqueue" + name);
        // l'extension a nettoyé derrière le test fautif : le nom n'existe plus
        assertThatThrownBy(() -> MessageQueue.open(name, OpenFlags.O_RDONLY))
                .isInstanceOfSatisfying(PosixException.class,
                        e -> assertThat(e.errnoName()).isEqualTo("ENOENT"));
    }
}
