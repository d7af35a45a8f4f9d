package fr.progsys.posix;

import static fr.progsys.posix.Mman.MAP_PRIVATE;
import static fr.progsys.posix.Mman.MAP_SHARED;
import static fr.progsys.posix.Mman.PROT_READ;
import static fr.progsys.posix.Mman.PROT_WRITE;
import static fr.progsys.posix.OpenFlags.O_CREAT;
import static fr.progsys.posix.OpenFlags.O_EXCL;
import static fr.progsys.posix.OpenFlags.O_RDWR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.progsys.testkit.IpcHygiene;
import fr.progsys.testkit.IpcNames;

@DisplayName("T17, T18 : UnnamedSemaphore, sem_init avec pshared = 0 (threads) ou 1 (processus)")
@ExtendWith(IpcHygiene.class)
class UnnamedSemaphoreTest {

    @BeforeAll
    static void linuxOnly() {
        PosixAssumptions.linux("les sémaphores POSIX");
    }

    /** Un objet de {@code size} octets dont le nom est déjà retiré : rien à nettoyer. */
    private static SharedMemory anonymousObject(int size) {
        String name = IpcNames.unique("psem");
        SharedMemory shm = SharedMemory.open(name, O_CREAT | O_EXCL | O_RDWR, 0600);
        SharedMemory.unlink(name);
        shm.truncate(size);
        return shm;
    }

    @Test
    @DisplayName("T17, T18 : pshared = 0 : trywait à 0 échoue, post puis trywait réussit, timedwait expire")
    void processPrivateSemaphore() {
        try (UnnamedSemaphore s = new UnnamedSemaphore(0)) {
            assertThat(s.pshared()).isZero();
            assertThat(s.tryWait()).isFalse();
            assertThat(s.tryWait(Duration.ofMillis(20))).isFalse();
            s.post();
            assertThat(s.value()).isEqualTo(1);
            assertThat(s.tryWait()).isTrue();
        }
    }

    @Test
    @DisplayName("T17 (précision), I12 : pshared = 1 dans une projection : deux vues du même objet partagent le compteur")
    void sharedSemaphoreInAMapping() {
        try (SharedMemory shm = anonymousObject(64)) {
            try (MappedMemory a = shm.map(64, PROT_READ | PROT_WRITE, MAP_SHARED);
                    MappedMemory b = shm.map(64, PROT_READ | PROT_WRITE, MAP_SHARED);
                    UnnamedSemaphore created = a.initSemaphore(8, 2);
                    UnnamedSemaphore seen = b.semaphoreAt(8)) {
                assertThat(created.pshared()).isEqualTo(1);
                assertThat(seen.value()).isEqualTo(2);
                seen.await();
                assertThat(created.value()).isEqualTo(1);
                assertThatThrownBy(() -> a.initSemaphore(4, 1))
                        .isInstanceOf(IllegalArgumentException.class); // mal aligné
                assertThatThrownBy(() -> a.initSemaphore(40, 1))
                        .isInstanceOf(IndexOutOfBoundsException.class); // 40 + 32 > 64
            }
        }
    }

    @Test
    @DisplayName("T17 (précision), I12 : pas de sémaphore partagé hors MAP_SHARED ; après munmap il est inutilisable")
    void sharedSemaphoreNeedsALiveSharedMapping() {
        try (SharedMemory shm = anonymousObject(64)) {
            try (MappedMemory priv = shm.map(64, PROT_READ | PROT_WRITE, MAP_PRIVATE)) {
                assertThatThrownBy(() -> priv.initSemaphore(0, 1))
                        .isInstanceOf(IllegalStateException.class);
            }
            MappedMemory m = shm.map(64, PROT_READ | PROT_WRITE, MAP_SHARED);
            UnnamedSemaphore s = m.initSemaphore(0, 1);
            m.unmap();
            assertThatThrownBy(s::post).isInstanceOf(IllegalStateException.class);
            s.close();
            s.close();
        }
    }
}
