package fr.progsys.posix;

import static fr.progsys.posix.OpenFlags.O_CREAT;
import static fr.progsys.posix.OpenFlags.O_EXCL;
import static fr.progsys.posix.OpenFlags.O_RDWR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.progsys.testkit.IpcHygiene;
import fr.progsys.testkit.IpcNames;

@DisplayName("I13, I14, I15 : NamedSemaphore, les sémaphores nommés (sem_open, semaphore.h)")
@ExtendWith(IpcHygiene.class)
class NamedSemaphoreTest {

    private String name;

    @BeforeAll
    static void linuxOnly() {
        PosixAssumptions.linux("les sémaphores nommés POSIX");
    }

    @BeforeEach
    void freshName() {
        name = IpcNames.unique("sem");
    }

    @AfterEach
    void unlink() {
        NamedSemaphore.unlinkIfExists(name);
    }

    @Test
    @DisplayName("I14 : sem_trywait à 0 échoue tout de suite avec EAGAIN ; sem_post le rend disponible")
    void trywaitAtZeroFailsWithEagain() {
        try (NamedSemaphore s = NamedSemaphore.open(name, O_CREAT | O_EXCL, 0600, 0)) {
            assertThat(s.tryWait()).isFalse();
            // L'appel C tel quel : −1 et errno EAGAIN (tryWait() en fait « faux »).
            assertThat(Binding.get().semTrywait(s.sem)).isEqualTo(-1);
            assertThat(PosixException.nameOf(Binding.lastErrno())).isEqualTo("EAGAIN");
            s.post();
            assertThat(s.value()).isEqualTo(1);
            assertThat(s.tryWait()).isTrue();
            assertThat(s.value()).isZero();
        }
    }

    @Test
    @DisplayName("I13 : seconde forme sur un sémaphore existant : ouvert tel quel ; avec O_EXCL : EEXIST")
    void secondFormKeepsTheExistingValue() {
        try (NamedSemaphore s = NamedSemaphore.open(name, O_CREAT | O_EXCL, 0600, 3)) {
            try (NamedSemaphore again = NamedSemaphore.open(name, O_CREAT, 0600, 10)) {
                assertThat(again.value()).isEqualTo(3); // la valeur 10 est ignorée
                again.await();
            }
            try (NamedSemaphore first = NamedSemaphore.open(name, O_RDWR)) {
                assertThat(first.value()).isEqualTo(2); // le même compteur
            }
            assertThatThrownBy(() -> NamedSemaphore.open(name, O_CREAT | O_EXCL, 0600, 1))
                    .isInstanceOfSatisfying(PosixException.class,
                            e -> assertThat(e.errnoName()).isEqualTo("EEXIST"));
            assertThat(s.value()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("I13 : la première forme sur un nom inconnu échoue avec ENOENT")
    void firstFormOnAMissingNameFailsWithEnoent() {
        assertThatThrownBy(() -> NamedSemaphore.open(name, 0))
                .isInstanceOfSatisfying(PosixException.class,
                        e -> assertThat(e.errnoName()).isEqualTo("ENOENT"));
        assertThatThrownBy(() -> NamedSemaphore.open(name, O_CREAT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("I14 : sem_wait bloque à 0 jusqu'au sem_post d'un autre thread")
    void waitBlocksUntilPost() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (NamedSemaphore s = NamedSemaphore.open(name, O_CREAT | O_EXCL, 0600, 0)) {
            CompletableFuture<Void> waiter = CompletableFuture.runAsync(s::await, pool);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                    .until(() -> !waiter.isDone());
            s.post();
            waiter.get(5, TimeUnit.SECONDS);
            assertThat(s.value()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("I14 : un thread bloqué dans sem_wait ne réagit pas à Thread.interrupt() ; seul sem_post le libère")
    void waitIgnoresInterrupt() throws Exception {
        try (NamedSemaphore s = NamedSemaphore.open(name, O_CREAT | O_EXCL, 0600, 0)) {
            java.util.concurrent.atomic.AtomicBoolean flagAfter =
                    new java.util.concurrent.atomic.AtomicBoolean();
            Thread waiter = new Thread(() -> {
                s.await();
                flagAfter.set(Thread.currentThread().isInterrupted());
            }, "attend-sem");
            waiter.start();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> waiter.getState() == Thread.State.RUNNABLE);
            waiter.interrupt();
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                    .until(waiter::isAlive);
            s.post();
            waiter.join(5000);
            assertThat(waiter.isAlive()).isFalse();
            assertThat(flagAfter).isTrue(); // le drapeau était posé, sem_wait l'a ignoré
        }
    }

    @Test
    @DisplayName("I14 : sem_timedwait rend faux à l'expiration du délai (ETIMEDOUT)")
    void timedWaitGivesUp() {
        try (NamedSemaphore s = NamedSemaphore.open(name, O_CREAT | O_EXCL, 0600, 0)) {
            assertThat(s.tryWait(Duration.ofMillis(50))).isFalse();
            s.post();
            assertThat(s.tryWait(Duration.ofMillis(50))).isTrue();
        }
    }

    @Test
    @DisplayName("I13, I15 : le sémaphore est le fichier /dev/shm/sem.<nom>, mode 0600 ; sem_unlink le retire")
    void theSemaphoreLivesInDevShm() throws Exception {
        Path file = Path.of("/dev/shm", "sem." + name.substring(1));
        try (NamedSemaphore s = NamedSemaphore.open(name, O_CREAT | O_EXCL, 0600, 1)) {
            assertThat(file).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            NamedSemaphore.unlink(name);
            assertThat(file).doesNotExist();
            assertThatThrownBy(() -> NamedSemaphore.open(name, 0))
                    .isInstanceOfSatisfying(PosixException.class,
                            e -> assertThat(e.errnoName()).isEqualTo("ENOENT"));
            assertThat(s.tryWait()).isTrue(); // toujours utilisable par qui l'a ouvert
        }
    }

    @Test
    @DisplayName("I15 : après sem_close : IllegalStateException ; fermer deux fois ne fait rien")
    void useAfterCloseIsRefused() {
        NamedSemaphore s = NamedSemaphore.open(name, O_CREAT | O_EXCL, 0600, 1);
        s.close();
        s.close();
        assertThat(s.isOpen()).isFalse();
        assertThatThrownBy(s::post).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(s::await).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(s::value).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("I02, I13 : les mauvais noms : sans « / » refusé avant l'appel ; second « / » : EINVAL ; trop long : EINVAL ou ENAMETOOLONG selon la glibc")
    void badNamesAreRejected() {
        assertThatThrownBy(() -> NamedSemaphore.open("sans-barre", O_CREAT, 0600, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NamedSemaphore.open(name + "/b", O_CREAT, 0600, 1))
                .isInstanceOfSatisfying(PosixException.class,
                        e -> assertThat(e.errnoName()).isEqualTo("EINVAL"));
        assertThatThrownBy(() -> NamedSemaphore.open(name + "x".repeat(300), O_CREAT, 0600, 1))
                .isInstanceOfSatisfying(PosixException.class,
                        e -> assertThat(e.errnoName()).isIn("EINVAL", "ENAMETOOLONG"));
        assertThatThrownBy(() -> NamedSemaphore.open(name, O_CREAT, 0600, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("I02, I13 : nom long : jusqu'à 251 caractères accepté ; au-delà EINVAL ou ENAMETOOLONG selon la glibc (version affichée)")
    void tooLongNamesGiveADocumentedErrno() {
        Map<Integer, String> seen = LongNames.observe(name,
                n -> NamedSemaphore.open(n, O_CREAT | O_EXCL, 0600, 1).close(),
                NamedSemaphore::unlink);
        System.out.println(LongNames.report("sem_open", seen));
        // sem.<nom> doit tenir dans NAME_MAX = 255 : 251 caractères au plus
        assertThat(seen.get(251)).isEqualTo("ok");
        seen.forEach((len, errno) -> {
            if (len > 251) {
                assertThat(errno).as("longueur " + len).isIn("EINVAL", "ENAMETOOLONG");
            }
        });
        if (Platform.libcRelease() >= 234) {
            // 252 à 255 : la glibc passe le nom, le noyau refuse sem.<nom>
            assertThat(List.of(seen.get(252), seen.get(255)))
                    .containsOnly("ENAMETOOLONG");
        }
    }

    @Test
    @DisplayName("I01, I13 : sous Linux un sémaphore nommé /x est le fichier /dev/shm/sem.x : shm_open(\"/sem.x\", O_CREAT|O_EXCL) échoue avec EEXIST")
    void aNamedSemaphoreCollidesWithTheSharedMemoryObjectSemDotName() {
        String shmName = "/sem." + name.substring(1);
        try (NamedSemaphore s = NamedSemaphore.open(name, O_CREAT | O_EXCL, 0600, 1)) {
            System.out.println("glibc " + Platform.libcVersion() + " : sem_open(\"" + name
                    + "\") puis shm_open(\"" + shmName + "\", O_CREAT|O_EXCL|O_RDWR)");
            assertThatThrownBy(() -> SharedMemory.open(shmName, O_CREAT | O_EXCL | O_RDWR, 0600))
                    .isInstanceOfSatisfying(PosixException.class,
                            e -> assertThat(e.errnoName()).isEqualTo("EEXIST"));
            // sans O_EXCL, shm_open ouvre le fichier du sémaphore : 32 octets, le sem_t
            try (SharedMemory same = SharedMemory.open(shmName, O_RDWR)) {
                assertThat(same.size()).isEqualTo(Native.SIZEOF_SEM_T);
            }
            // et shm_unlink retire le nom du sémaphore
            SharedMemory.unlink(shmName);
            assertThatThrownBy(() -> NamedSemaphore.open(name, 0))
                    .isInstanceOfSatisfying(PosixException.class,
                            e -> assertThat(e.errnoName()).isEqualTo("ENOENT"));
            assertThat(s.tryWait()).isTrue();
        }
    }
}
