package fr.progsys.tp.philosophes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import fr.progsys.tp.Fils;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("TP philosophes")
@Timeout(15)
class PhilosophesTest {

    static final int N = 5;
    static final Duration MAX = Duration.ofSeconds(10);

    /**
     * Le témoin des tests : qui tient quelle baguette, qui attend laquelle ;
     * il relève les violations et peut retenir chaque philosophe qui vient
     * de prendre sa première baguette (la « porte »).
     */
    static final class Observateur implements Temoin {
        final int n;
        final AtomicIntegerArray detenteur;
        final AtomicIntegerArray attendue;
        final AtomicIntegerArray tenues;
        final Set<Integer> devantLaPorte = ConcurrentHashMap.newKeySet();
        final CountDownLatch porte;
        final Set<String> violations = ConcurrentHashMap.newKeySet();

        Observateur(int n, boolean porteFermee) {
            this.n = n;
            detenteur = new AtomicIntegerArray(n);
            attendue = new AtomicIntegerArray(n);
            tenues = new AtomicIntegerArray(n);
            for (int i = 0; i < n; i++) {
                detenteur.set(i, -1);
                attendue.set(i, -1);
            }
            porte = new CountDownLatch(porteFermee ? 1 : 0);
        }

        @Override
        public void attend(int p, int b) {
            attendue.set(p, b);
        }

        @Override
        public void prise(int p, int b) throws InterruptedException {
            attendue.set(p, -1);
            int avant = detenteur.getAndSet(b, p);
            if (avant != -1) {
                violations.add("baguette " + b + " tenue à la fois par "
                        + avant + " et " + p);
            }
            if (tenues.incrementAndGet(p) == 1 && porte.getCount() > 0) {
                devantLaPorte.add(p);
                porte.await();
            }
        }

        @Override
        public void posee(int p, int b) {
            if (!detenteur.compareAndSet(b, p, -1)) {
                violations.add("le philosophe " + p + " pose la baguette " + b
                        + " qu'il ne tient pas");
            }
            tenues.decrementAndGet(p);
        }

        /** Chacun tient une baguette et attend celle que tient un autre. */
        boolean interblocage() {
            for (int p = 0; p < n; p++) {
                int b = attendue.get(p);
                if (tenues.get(p) != 1 || b == -1 || detenteur.get(b) == -1) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Mange en vérifiant les règles : deux baguettes, voisins absents. */
    static final class Controleur implements Mangeur {
        final Observateur obs;
        final AtomicIntegerArray aMange;
        final AtomicIntegerArray enTrainDeManger;

        Controleur(Observateur obs) {
            this.obs = obs;
            aMange = new AtomicIntegerArray(obs.n);
            enTrainDeManger = new AtomicIntegerArray(obs.n);
        }

        @Override
        public void manger(int p) {
            int n = obs.n;
            enTrainDeManger.set(p, 1);
            if (obs.detenteur.get(p) != p || obs.detenteur.get((p + 1) % n) != p) {
                obs.violations.add("le philosophe " + p
                        + " mange sans tenir les baguettes " + p + " et "
                        + (p + 1) % n);
            }
            if (enTrainDeManger.get((p + 1) % n) == 1
                    || enTrainDeManger.get((p + n - 1) % n) == 1) {
                obs.violations.add("le philosophe " + p
                        + " mange en même temps qu'un voisin");
            }
            aMange.incrementAndGet(p);
            enTrainDeManger.set(p, 0);
        }
    }

    @Test
    @Order(1)
    @DisplayName("le dîner : chacun des 5 philosophes mange ses 50 repas, dans"
            + " son propre thread")
    void everyoneEatsAllMealsInOwnThread() throws InterruptedException {
        Observateur obs = new Observateur(N, false);
        Controleur ctrl = new Controleur(obs);
        Set<Thread> mangeurs = ConcurrentHashMap.newKeySet();
        Diner.diner(new Table(N, obs), 50, p -> {
            mangeurs.add(Thread.currentThread());
            ctrl.manger(p);
        });
        int[] repas = new int[N];
        Arrays.setAll(repas, ctrl.aMange::get);
        assertThat(repas).as("repas de chaque philosophe")
                .containsOnly(50);
        assertThat(mangeurs).as("threads des philosophes").hasSize(N)
                .doesNotContain(Thread.currentThread());
        assertThat(obs.violations).as("règles violées").isEmpty();
    }

    @Test
    @Order(2)
    @DisplayName("pendant que le philosophe 0 mange, ses voisins 1 et 4"
            + " attendent, bloqués (pas d'attente active)")
    void neighboursWaitWhileOneEats() throws InterruptedException {
        Observateur obs = new Observateur(N, false);
        Table table = new Table(N, obs);
        try (Fils fils = new Fils()) {
            table.prendre(0);
            Thread un = fils.demarrer("philosophe-1", () -> table.prendre(1));
            Thread quatre = fils.demarrer("philosophe-4", () -> table.prendre(4));
            await().atMost(MAX).until(() -> Fils.bloque(un) && Fils.bloque(quatre));
            assertThat(obs.detenteur.get(1)).as("baguette 1").isEqualTo(0);
            assertThat(obs.detenteur.get(0)).as("baguette 0").isEqualTo(0);
            table.poser(0);
            await().atMost(MAX).until(() -> !un.isAlive() || !quatre.isAlive());
            assertThat(fils.erreurs()).isEmpty();
            assertThat(obs.violations).as("règles violées").isEmpty();
        }
    }

    @Test
    @Order(4)
    @DisplayName("quand chacun prend sa première baguette en même temps, au plus"
            + " n − 1 = 4 philosophes en tiennent une (veut-manger)")
    void atMostNMinusOneHoldAChopstick() throws InterruptedException {
        Observateur obs = new Observateur(N, true);
        Table table = new Table(N, obs);
        try (Fils fils = new Fils()) {
            Thread[] p = demarrerTous(fils, table, obs, new Controleur(obs));
            attendrePorte(obs, p);
            assertThat(obs.devantLaPorte).as("philosophes qui tiennent une"
                    + " baguette").hasSizeLessThanOrEqualTo(N - 1);
        }
    }

    @Test
    @Order(5)
    @DisplayName("quand chacun prend sa première baguette en même temps, pas"
            + " d'interblocage : tous finissent par manger")
    void noDeadlockWhenAllTakeFirstChopstickTogether()
            throws InterruptedException {
        Observateur obs = new Observateur(N, true);
        Table table = new Table(N, obs);
        Controleur ctrl = new Controleur(obs);
        try (Fils fils = new Fils()) {
            Thread[] p = demarrerTous(fils, table, obs, ctrl);
            attendrePorte(obs, p);
            obs.porte.countDown();
            await().atMost(MAX).until(() -> obs.interblocage()
                    || Arrays.stream(p).noneMatch(Thread::isAlive));
            assertThat(obs.interblocage()).as("interblocage : chacun tient"
                    + " une baguette et attend celle de son voisin").isFalse();
            assertThat(fils.erreurs()).isEmpty();
            assertThat(obs.violations).as("règles violées").isEmpty();
            for (int i = 0; i < N; i++) {
                assertThat(ctrl.aMange.get(i)).as("repas de " + i).isEqualTo(1);
            }
        }
    }

    @Test
    @Order(3)
    @DisplayName("après poser, les baguettes et la place sont rendues : un"
            + " philosophe seul mange 3 n fois de suite")
    void poserGivesEverythingBack() {
        Observateur obs = new Observateur(N, false);
        Table table = new Table(N, obs);
        AtomicInteger repas = new AtomicInteger();
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(MAX, () -> {
            for (int r = 0; r < 3 * N; r++) {
                table.prendre(r % N);
                repas.incrementAndGet();
                table.poser(r % N);
            }
        }, "un philosophe reste bloqué : poser ne rend pas tout");
        assertThat(repas).hasValue(3 * N);
        assertThat(obs.violations).as("règles violées").isEmpty();
    }

    private static Thread[] demarrerTous(Fils fils, Table table, Observateur obs,
            Controleur ctrl) {
        Thread[] p = new Thread[N];
        for (int i = 0; i < N; i++) {
            int moi = i;
            p[i] = fils.demarrer("philosophe-" + i, () -> {
                table.prendre(moi);
                ctrl.manger(moi);
                table.poser(moi);
            });
        }
        return p;
    }

    /** Attend que chacun soit retenu à la porte ou bloqué avant elle. */
    private static void attendrePorte(Observateur obs, Thread[] p) {
        await().atMost(MAX).until(() -> {
            for (int i = 0; i < p.length; i++) {
                if (!obs.devantLaPorte.contains(i) && !Fils.bloque(p[i])) {
                    return false;
                }
            }
            return true;
        });
    }
}
