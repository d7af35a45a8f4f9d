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
@Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
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
    @DisplayName("deux consommateurs bloqués sur un tampon vide : un dépôt en"
            + " réveille un seul, l'autre reste bloqué jusqu'au dépôt suivant")
    void oneDepositWakesOneConsumer() throws InterruptedException {
        Tampon<String> t = new Tampon<>(2);
        Queue<String> lus = new ConcurrentLinkedQueue<>();
        try (Fils fils = new Fils()) {
            Thread c1 = fils.demarrer("consommateur-1", () -> lus.add(t.retirer()));
            Thread c2 = fils.demarrer("consommateur-2", () -> lus.add(t.retirer()));
            Fils.attendreQue("les deux consommateurs ne se bloquent pas sur le"
                    + " tampon vide", MAX, () -> Fils.bloque(c1) && Fils.bloque(c2));
            t.deposer("a");
            Fils.attendreQue("aucun consommateur ne reçoit l'élément déposé",
                    MAX, () -> lus.size() == 1);
            Fils.resteVrai("un seul élément déposé, mais les deux consommateurs"
                    + " sont repartis : un réveil ne vaut pas"
                    + " un élément (sémaphore « éléments », ou while autour de"
                    + " wait)", BLOQUE, () -> lus.size() == 1
                            && fils.erreurs().isEmpty()
                            && (c1.isAlive() != c2.isAlive()));
            t.deposer("b");
            Fils.attendreQue("le second consommateur ne reçoit pas le second"
                    + " élément", MAX, () -> !c1.isAlive() && !c2.isAlive());
            assertThat(fils.erreurs()).as("erreurs des consommateurs").isEmpty();
            assertThat(lus).containsExactlyInAnyOrder("a", "b");
        }
    }

    @Test
    @Order(7)
    @DisplayName("deux producteurs bloqués sur un tampon plein : un retrait en"
            + " libère un seul, et aucun élément n'est écrasé")
    void oneTakeFreesOneProducer() throws InterruptedException {
        Tampon<String> t = new Tampon<>(1);
        AtomicInteger deposes = new AtomicInteger();
        try (Fils fils = new Fils()) {
            t.deposer("a");
            Thread p1 = fils.demarrer("producteur-1", () -> {
                t.deposer("x");
                deposes.incrementAndGet();
            });
            Thread p2 = fils.demarrer("producteur-2", () -> {
                t.deposer("y");
                deposes.incrementAndGet();
            });
            Fils.attendreQue("les deux producteurs ne se bloquent pas sur le"
                    + " tampon plein", MAX, () -> Fils.bloque(p1) && Fils.bloque(p2));
            assertThat(t.retirer()).isEqualTo("a");
            Fils.attendreQue("aucun producteur ne repart après un retrait", MAX,
                    () -> deposes.get() == 1);
            Fils.resteVrai("une seule place libérée, mais les deux producteurs"
                    + " ont déposé : l'un a écrasé une case non lue", BLOQUE,
                    () -> deposes.get() == 1 && fils.erreurs().isEmpty());
            List<String> lus = new ArrayList<>();
            lus.add(t.retirer());
            lus.add(t.retirer());
            Fils.attendreQue("le second producteur ne repart pas", MAX,
                    () -> !p1.isAlive() && !p2.isAlive());
            assertThat(fils.erreurs()).as("erreurs des producteurs").isEmpty();
            assertThat(lus).containsExactlyInAnyOrder("x", "y");
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
