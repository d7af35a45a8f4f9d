package fr.progsys.tp.tampon;

import static fr.progsys.posix.OpenFlags.O_RDWR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import fr.progsys.posix.NamedSemaphore;
import fr.progsys.posix.PosixException;
import fr.progsys.posix.SharedMemory;
import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.IpcHygiene;
import fr.progsys.testkit.IpcNames;
import fr.progsys.tp.Fils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@DisplayName("TP tampon")
@ExtendWith(IpcHygiene.class)
@Timeout(30)
class TamponPartageTest {

    static final Duration MAX = Duration.ofSeconds(15);
    static final Duration BLOQUE = Duration.ofMillis(500);

    String nom;
    boolean cree;

    @BeforeEach
    void nommer() {
        nom = IpcNames.unique("tp-tampon");
    }

    @AfterEach
    void supprimer() {
        if (cree) {
            TamponPartage.supprimer(nom);
        }
    }

    private TamponPartage creer(int capacite) {
        TamponPartage t = TamponPartage.creer(nom, capacite);
        cree = true;
        return t;
    }

    private ChildJvm producteur(int capacite, long debut, int n) {
        return ChildJvm.start(Producteur.class, nom, String.valueOf(capacite),
                String.valueOf(debut), String.valueOf(n));
    }

    @Test
    @Order(1)
    @DisplayName("un seul processus : les éléments ressortent dans l'ordre,"
            + " même quand les indices font le tour")
    void fifoInOneProcess() {
        try (TamponPartage t = creer(3)) {
            List<Long> lus = new ArrayList<>();
            for (long x = 0; x < 10; x += 2) {
                t.deposer(x);
                t.deposer(x + 1);
                lus.add(t.retirer());
                lus.add(t.retirer());
            }
            assertThat(lus).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        }
    }

    @Test
    @Order(2)
    @DisplayName("deux processus : 2000 éléments passent du producteur au"
            + " consommateur par 8 cases, dans l'ordre, sans perte")
    void twoProcessesKeepOrder() {
        try (TamponPartage t = creer(8);
                ChildJvm p = producteur(8, 0, 2000)) {
            List<Long> lus = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                lus.add(t.retirer());
            }
            assertThat(lus).containsExactlyElementsOf(
                    LongStream.range(0, 2000).boxed().toList());
            assertThat(p.awaitExit(MAX).exitCode()).isZero();
        }
    }

    @Test
    @Order(3)
    @DisplayName("tampon plein : le producteur bloque après 4 dépôts au lieu"
            + " d'écraser une case non lue, et repart après un retrait")
    void producerBlocksWhenFull() {
        try (TamponPartage t = creer(4);
                ChildJvm p = producteur(4, 100, 6)) {
            p.awaitLine("déposé 103", MAX);
            await().during(BLOQUE).atMost(BLOQUE.multipliedBy(4))
                    .until(() -> !p.stdout().contains("déposé 104"));
            assertThat(t.retirer()).isEqualTo(100);
            p.awaitLine("déposé 104", MAX);
            List<Long> reste = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                reste.add(t.retirer());
            }
            assertThat(reste).containsExactly(101L, 102L, 103L, 104L, 105L);
            assertThat(p.awaitExit(MAX).exitCode()).isZero();
        }
    }

    @Test
    @Order(4)
    @DisplayName("tampon vide : le consommateur attend, puis reçoit ce qu'un"
            + " autre processus dépose")
    void consumerWaitsWhileEmpty() throws InterruptedException {
        try (TamponPartage t = creer(2); Fils fils = new Fils()) {
            AtomicLong lu = new AtomicLong(-1);
            Thread c = fils.demarrer("consommateur", () -> lu.set(t.retirer()));
            await().during(BLOQUE).atMost(BLOQUE.multipliedBy(4))
                    .until(() -> c.isAlive() && lu.get() == -1);
            try (ChildJvm p = producteur(2, 42, 1)) {
                assertThat(p.awaitExit(MAX).exitCode()).isZero();
            }
            c.join(MAX.toMillis());
            assertThat(lu).hasValue(42);
        }
    }

    @Test
    @Order(5)
    @DisplayName("deux producteurs dans deux processus : 2 × 1000 éléments, rien"
            + " de perdu, rien en double")
    void twoProducersNothingLost() {
        try (TamponPartage t = creer(4);
                ChildJvm a = producteur(4, 0, 1000);
                ChildJvm b = producteur(4, 1000, 1000)) {
            Set<Long> vus = new HashSet<>();
            List<Long> doublons = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                long x = t.retirer();
                if (!vus.add(x)) {
                    doublons.add(x);
                }
            }
            assertThat(doublons).as("reçus deux fois").isEmpty();
            assertThat(vus).hasSize(2000).allMatch(x -> x >= 0 && x < 2000);
            assertThat(a.awaitExit(MAX).exitCode()).isZero();
            assertThat(b.awaitExit(MAX).exitCode()).isZero();
        }
    }

    @Test
    @Order(6)
    @DisplayName("close puis supprimer : le segment et les trois sémaphores"
            + " n'existent plus (ENOENT)")
    void closeAndRemoveLeaveNothing() {
        creer(2).close();
        TamponPartage.supprimer(nom);
        cree = false;
        assertThatThrownBy(() -> SharedMemory.open(nom, O_RDWR).close())
                .isInstanceOf(PosixException.class).hasMessageContaining("ENOENT");
        for (String s : List.of(Disposition.libres(nom), Disposition.pleines(nom),
                Disposition.mutex(nom))) {
            assertThatThrownBy(() -> NamedSemaphore.open(s, O_RDWR).close())
                    .as(s).isInstanceOf(PosixException.class)
                    .hasMessageContaining("ENOENT");
        }
    }
}
