package fr.progsys.posix;

import static fr.progsys.posix.Mman.MAP_SHARED;
import static fr.progsys.posix.Mman.PROT_READ;
import static fr.progsys.posix.OpenFlags.O_CREAT;
import static fr.progsys.posix.OpenFlags.O_EXCL;
import static fr.progsys.posix.OpenFlags.O_RDWR;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.IpcNames;
import fr.progsys.testkit.IpcSnapshot;
import fr.progsys.testkit.IpcSweeper;

@DisplayName("Hygiène des tests : les fuites d'objets IPC sont vues, les restes d'un run tué balayés")
class IpcHygieneTest {

    @BeforeAll
    static void linuxOnly() {
        PosixAssumptions.linux("les objets IPC POSIX");
    }

    @Test
    @DisplayName("le relevé voit un objet non supprimé, un descripteur et une projection restés ouverts")
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
    @DisplayName("le relevé voit un processus enfant encore vivant")
    void snapshotSeesALiveChild() {
        IpcSnapshot before = IpcSnapshot.take();
        try (ChildJvm child = ChildJvm.start(List.of("cat"))) {
            assertThat(IpcSnapshot.take().leaksSince(before))
                    .containsExactly("processus enfant encore vivant : " + child.pid());
        }
        assertThat(IpcSnapshot.take().leaksSince(before)).isEmpty();
    }

    @Test
    @DisplayName("le balayeur supprime les objets d'un PID mort et garde ceux d'un PID vivant")
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
}
