package fr.progsys.tp.prodcons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import fr.progsys.tp.Fils;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("TP prodcons")
@Timeout(15)
class TamponTest {

    static final Duration MAX = Duration.ofSeconds(10);
    static final Duration BLOQUE = Duration.ofMillis(300);

    /**
     * Compte les threads présents dans les cases ; retient le premier entré
     * jusqu'à ce que l'autre thread du test soit bloqué (ou entré lui aussi).
     */
    static final class Section implements Cases.Sonde {
        final AtomicInteger dedans = new AtomicInteger();
        final AtomicInteger maximum = new AtomicInteger();
        final AtomicBoolean premier = new AtomicBoolean(true);
        final CountDownLatch porte = new CountDownLatch(1);
        final Set<Thread> retenus = ConcurrentHashMap.newKeySet();

        @Override
        public void entree(int indice) throws InterruptedException {
            maximum.accumulateAndGet(dedans.incrementAndGet(), Math::max);
            if (premier.compareAndSet(true, false)) {
                retenus.add(Thread.currentThread());
                porte.await();
            }
        }

        @Override
        public void sortie(int indice) {
            dedans.decrementAndGet();
        }
    }

    @Test
    @Order(1)
    @DisplayName("un seul thread : les éléments ressortent dans l'ordre de"
            + " dépôt, même quand les indices font le tour du tableau")
    void fifoAcrossWrapAround() throws InterruptedException {
        Tampon<Integer> t = new Tampon<>(3);
        List<Integer> lus = new ArrayList<>();
        int suivant = 0;
        for (int tour = 0; tour < 5; tour++) {
            t.deposer(suivant++);
            t.deposer(suivant++);
            lus.add(t.retirer());
            lus.add(t.retirer());
        }
        assertThat(lus).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    @Order(2)
    @DisplayName("retirer sur un tampon vide bloque le consommateur (état"
            + " WAITING, pas d'attente active) jusqu'au premier dépôt")
    void takeBlocksWhileEmpty() throws InterruptedException {
        Tampon<String> t = new Tampon<>(2);
        Queue<String> lus = new ConcurrentLinkedQueue<>();
        try (Fils fils = new Fils()) {
            Thread c = fils.demarrer("consommateur", () -> lus.add(t.retirer()));
            await().atMost(MAX).until(() -> Fils.bloque(c));
            await().during(BLOQUE).atMost(BLOQUE.multipliedBy(3))
                    .until(() -> Fils.bloque(c) && lus.isEmpty());
            t.deposer("a");
            await().atMost(MAX).until(() -> !c.isAlive());
            assertThat(lus).containsExactly("a");
        }
    }

    @Test
    @Order(3)
    @DisplayName("deposer sur un tampon plein bloque le producteur, sans écraser"
            + " une case non lue")
    void putBlocksWhileFullAndOverwritesNothing() throws InterruptedException {
        Tampon<String> t = new Tampon<>(2);
        AtomicBoolean depose = new AtomicBoolean();
        try (Fils fils = new Fils()) {
            t.deposer("a");
            t.deposer("b");
            Thread p = fils.demarrer("producteur", () -> {
                t.deposer("c");
                depose.set(true);
            });
            await().atMost(MAX).until(() -> Fils.bloque(p));
            await().during(BLOQUE).atMost(BLOQUE.multipliedBy(3))
                    .until(() -> Fils.bloque(p) && !depose.get());
            assertThat(t.retirer()).isEqualTo("a");
            await().atMost(MAX).untilTrue(depose);
            assertThat(t.retirer()).isEqualTo("b");
            assertThat(t.retirer()).isEqualTo("c");
        }
    }

    @Test
    @Order(4)
    @DisplayName("exclusion mutuelle : quand deux producteurs déposent en même"
            + " temps, un seul est dans les cases, l'autre attend le mutex")
    void producersNeverInsideTogether() throws InterruptedException {
        Section section = new Section();
        Tampon<String> t = new Tampon<>(new Cases<>(4, section));
        exclusionMutuelle(section, () -> t.deposer("x"), () -> t.deposer("y"));
        assertThat(t.retirer()).isIn("x", "y");
        assertThat(t.retirer()).isIn("x", "y");
    }

    @Test
    @Order(5)
    @DisplayName("exclusion mutuelle : quand deux consommateurs retirent en même"
            + " temps, un seul est dans les cases, l'autre attend le mutex")
    void consumersNeverInsideTogether() throws InterruptedException {
        Section section = new Section();
        Tampon<String> t = new Tampon<>(new Cases<>(4, section));
        section.premier.set(false); // pas de porte pour les dépôts
        t.deposer("x");
        t.deposer("y");
        section.premier.set(true);
        Queue<String> lus = new ConcurrentLinkedQueue<>();
        exclusionMutuelle(section, () -> lus.add(t.retirer()),
                () -> lus.add(t.retirer()));
        assertThat(lus).containsExactlyInAnyOrder("x", "y");
    }

    @Test
    @Order(6)
    @DisplayName("3 producteurs et 3 consommateurs, 3 × 2000 éléments : rien"
            + " de perdu, rien en double")
    void nothingLostNothingDuplicated() throws InterruptedException {
        int producteurs = 3;
        int parProducteur = 2000;
        Tampon<Integer> t = new Tampon<>(4);
        Set<Integer> vus = ConcurrentHashMap.newKeySet();
        Queue<Integer> doublons = new ConcurrentLinkedQueue<>();
        AtomicInteger recus = new AtomicInteger();
        try (Fils fils = new Fils()) {
            for (int p = 0; p < producteurs; p++) {
                int base = p * parProducteur;
                fils.demarrer("producteur-" + p, () -> {
                    for (int i = 0; i < parProducteur; i++) {
                        t.deposer(base + i);
                    }
                });
                fils.demarrer("consommateur-" + p, () -> {
                    for (int i = 0; i < parProducteur; i++) {
                        Integer x = t.retirer();
                        if (x == null || !vus.add(x)) {
                            doublons.add(x == null ? -1 : x);
                        }
                        recus.incrementAndGet();
                    }
                });
            }
            await().atMost(MAX).until(() -> recus.get() == producteurs
                    * parProducteur || !fils.erreurs().isEmpty());
            assertThat(fils.erreurs()).isEmpty();
            assertThat(doublons).as("éléments reçus deux fois (ou null)").isEmpty();
            assertThat(vus).as("éléments reçus").hasSize(producteurs * parProducteur);
        }
    }

    /** Lance deux actions ; la première est retenue dans les cases. */
    private static void exclusionMutuelle(Section section, Fils.Corps a,
            Fils.Corps b) throws InterruptedException {
        try (Fils fils = new Fils()) {
            fils.demarrer("premier", a);
            await().atMost(MAX).until(() -> !section.retenus.isEmpty());
            Thread second = fils.demarrer("second", b);
            await().atMost(MAX).until(() -> section.dedans.get() > 1
                    || Fils.bloque(second));
            section.porte.countDown();
            await().atMost(MAX).until(() -> section.dedans.get() == 0
                    && !second.isAlive());
            assertThat(fils.erreurs()).isEmpty();
            assertThat(section.maximum).as("threads à la fois dans les cases")
                    .hasValue(1);
        }
    }
}
