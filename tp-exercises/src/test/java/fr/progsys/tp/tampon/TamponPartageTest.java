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
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TamponPartageTest {

    static final Duration MAX = Duration.ofSeconds(15);
    static final Duration BLOQUE = Duration.ofMillis(1000);

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
    @DisplayName("exclusion mutuelle : tant que le test tient le mutex nommé,"
            + " le producteur d'un autre processus ne peut pas déposer")
    void depositGoesThroughTheNamedMutex() {
        try (TamponPartage t = creer(2);
                NamedSemaphore mutex = NamedSemaphore.open(Disposition.mutex(nom),
                        O_RDWR)) {
            mutex.await(); // le test entre en section critique
            try (ChildJvm p = producteur(2, 7, 1)) {
                p.awaitLine("ouvert", MAX); // il va demander le mutex
                await().during(BLOQUE).atMost(BLOQUE.multipliedBy(4))
                        .until(() -> !p.stdout().contains("déposé 7"));
                mutex.post();
                p.awaitLine("déposé 7", MAX);
                assertThat(t.retirer()).isEqualTo(7);
                assertThat(p.awaitExit(MAX).exitCode()).isZero();
            }
        }
    }

    @Test
    @Order(6)
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

    private ChildJvm consommateur(int capacite, int n) {
        return ChildJvm.start(Consommateur.class, nom, String.valueOf(capacite),
                String.valueOf(n));
    }

    /**
     * Attend que l'enfant dorme dans sem_wait sur le mutex nommé, ou qu'il ait
     * écrit la ligne qui prouve qu'il ne l'a pas attendu ; échoue alors.
     */
    private void attendreBloqueSurMutex(ChildJvm enfant, String sansMutex,
            String raison) {
        long tid = Sondage.tid(enfant, MAX);
        String mutex = Disposition.mutex(nom);
        Fils.attendreQue("l'enfant " + enfant.pid() + " ne se bloque jamais"
                + " sur le mutex nommé " + mutex, MAX,
                () -> Sondage.bloqueSur(enfant.pid(), tid, mutex)
                        || enfant.stdout().contains(sansMutex)
                        || !enfant.process().isAlive());
        assertThat(Sondage.bloqueSur(enfant.pid(), tid, mutex)).as(raison)
                .isTrue();
    }

    @Test
    @Order(8)
    @DisplayName("les indices sont dans le segment : deux producteurs l'un après"
            + " l'autre, chacun dans son processus, remplissent les cases 0 puis 1")
    void indicesLiveInTheSegment() {
        try (TamponPartage t = creer(4)) {
            try (ChildJvm a = producteur(4, 1, 1)) {
                assertThat(a.awaitExit(MAX).exitCode()).isZero();
            }
            try (ChildJvm b = producteur(4, 2, 1)) {
                assertThat(b.awaitExit(MAX).exitCode()).isZero();
            }
            try (SharedMemory segment = SharedMemory.open(nom, O_RDWR)) {
                fr.progsys.posix.MappedMemory zone = segment.map(
                        Disposition.taille(4),
                        fr.progsys.posix.Mman.PROT_READ,
                        fr.progsys.posix.Mman.MAP_SHARED);
                try {
                    assertThat(zone.getInt(Disposition.ENTREE)).as("indice"
                            + " d'entrée lu dans le segment (octet 0) après deux"
                            + " dépôts faits par deux processus : les indices"
                            + " doivent vivre dans le segment partagé, pas dans"
                            + " le tas de chaque processus").isEqualTo(2);
                    assertThat(zone.getLong(Disposition.caseNumero(0)))
                            .as("case 0").isEqualTo(1);
                    assertThat(zone.getLong(Disposition.caseNumero(1)))
                            .as("case 1").isEqualTo(2);
                } finally {
                    zone.unmap();
                }
            }
            assertThat(List.of(t.retirer(), t.retirer())).containsExactly(1L, 2L);
        }
    }

    @Test
    @Order(9)
    @DisplayName("l'indice se lit sous le mutex : deux producteurs bloqués sur"
            + " le mutex (tenu par le test) déposent ensuite dans deux cases"
            + " différentes")
    void indexIsReadUnderTheMutex() {
        try (TamponPartage t = creer(4);
                NamedSemaphore mutex = NamedSemaphore.open(Disposition.mutex(nom),
                        O_RDWR)) {
            mutex.await();
            boolean rendu = false;
            try (ChildJvm a = producteur(4, 7, 1); ChildJvm b = producteur(4, 8, 1)) {
                attendreBloqueSurMutex(a, "déposé", "le producteur dépose sans"
                        + " prendre le mutex nommé");
                attendreBloqueSurMutex(b, "déposé", "le producteur dépose sans"
                        + " prendre le mutex nommé");
                mutex.post();
                rendu = true;
                assertThat(a.awaitExit(MAX).exitCode()).isZero();
                assertThat(b.awaitExit(MAX).exitCode()).isZero();
            } finally {
                if (!rendu) {
                    mutex.post();
                }
            }
            assertThat(List.of(t.retirer(), t.retirer()))
                    .as("éléments retirés : les deux producteurs ont lu l'indice"
                            + " d'entrée avant d'avoir le mutex, le second a"
                            + " écrasé la case du premier")
                    .containsExactlyInAnyOrder(7L, 8L);
        }
    }

    @Test
    @Order(10)
    @DisplayName("deux consommateurs dans deux processus : chacun attend le"
            + " mutex (tenu par le test) avant de retirer, et chacun reçoit un"
            + " élément différent")
    void consumersTakeTheMutex() {
        try (TamponPartage t = creer(4);
                NamedSemaphore mutex = NamedSemaphore.open(Disposition.mutex(nom),
                        O_RDWR)) {
            t.deposer(5);
            t.deposer(6);
            mutex.await();
            boolean rendu = false;
            try (ChildJvm a = consommateur(4, 1); ChildJvm b = consommateur(4, 1)) {
                attendreBloqueSurMutex(a, "retiré", "le consommateur retire sans"
                        + " prendre le mutex nommé");
                attendreBloqueSurMutex(b, "retiré", "le consommateur retire sans"
                        + " prendre le mutex nommé");
                mutex.post();
                rendu = true;
                assertThat(a.awaitExit(MAX).exitCode()).isZero();
                assertThat(b.awaitExit(MAX).exitCode()).isZero();
                List<String> lus = new ArrayList<>();
                for (ChildJvm c : List.of(a, b)) {
                    c.stdout().lines().filter(l -> l.startsWith("retiré "))
                            .forEach(lus::add);
                }
                assertThat(lus).containsExactlyInAnyOrder("retiré 5", "retiré 6");
            } finally {
                if (!rendu) {
                    mutex.post();
                }
            }
        }
    }

    @Test
    @Order(11)
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
