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
@Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
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

    @Test
    @Order(6)
    @DisplayName("le dîner attend chacun des philosophes : tant que le"
            + " philosophe 2 n'a pas fini, diner ne rend pas la main, même"
            + " quand tous les autres ont fini")
    void dinnerWaitsForEveryPhilosopher() throws InterruptedException {
        int retenu = 2;
        Observateur obs = new Observateur(N, false);
        Controleur ctrl = new Controleur(obs);
        CountDownLatch arrive = new CountDownLatch(1);
        CountDownLatch liberation = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean dejaRetenu =
                new java.util.concurrent.atomic.AtomicBoolean();
        // Le philosophe 2 est retenu juste avant sa première baguette : il a
        // sa place à table, rien dans les mains ; les quatre autres peuvent
        // finir leurs repas.
        Temoin retenant = new Temoin() {
            @Override
            public void attend(int p, int b) {
                obs.attend(p, b);
                if (p == retenu && dejaRetenu.compareAndSet(false, true)) {
                    arrive.countDown();
                    attendreSansInterruption(liberation);
                }
            }

            @Override
            public void prise(int p, int b) throws InterruptedException {
                obs.prise(p, b);
            }

            @Override
            public void posee(int p, int b) {
                obs.posee(p, b);
            }
        };
        Table table = new Table(N, retenant);
        java.util.Map<Integer, Thread> threadDe = new ConcurrentHashMap<>();
        int[] repasAuRetour = new int[N];
        CountDownLatch rendu = new CountDownLatch(1);
        try (Fils fils = new Fils()) {
            fils.demarrer("appelant", () -> {
                Diner.diner(table, 3, p -> {
                    threadDe.put(p, Thread.currentThread());
                    ctrl.manger(p);
                });
                Arrays.setAll(repasAuRetour, ctrl.aMange::get);
                rendu.countDown();
            });
            try {
                fils.attendreSansErreurQue("le philosophe 2 ne demande jamais sa première"
                        + " baguette", MAX, () -> arrive.getCount() == 0);
                fils.attendreSansErreurQue("les philosophes 0, 1, 3 et 4 ne finissent pas"
                        + " leurs 3 repas pendant que 2 attend", MAX, () -> {
                            for (int p = 0; p < N; p++) {
                                if (p != retenu && (ctrl.aMange.get(p) != 3
                                        || threadDe.get(p).isAlive())) {
                                    return false;
                                }
                            }
                            return true;
                        });
                Fils.resteVrai("diner a rendu la main alors que le philosophe 2"
                        + " n'avait pas fini : il faut attendre (join) chacun"
                        + " des threads, pas seulement l'un d'eux",
                        Duration.ofMillis(500), () -> rendu.getCount() == 1);
            } finally {
                liberation.countDown();
            }
            fils.attendreSansErreurQue("diner ne rend pas la main une fois le"
                    + " philosophe 2 libéré", MAX, () -> rendu.getCount() == 0);
            assertThat(repasAuRetour).as("repas de chacun quand diner rend la"
                    + " main").containsOnly(3);
            assertThat(fils.erreurs()).isEmpty();
            assertThat(obs.violations).as("règles violées").isEmpty();
        }
    }

    @Test
    @Order(7)
    @DisplayName("un philosophe interrompu pendant son repas pose ses baguettes"
            + " et quitte la table : les autres finissent leur dîner")
    void interruptedPhilosopherPutsDownAndLeaves() throws InterruptedException {
        Observateur obs = new Observateur(N, false);
        Controleur ctrl = new Controleur(obs);
        Table table = new Table(N, obs);
        CountDownLatch rendu = new CountDownLatch(1);
        try (Fils fils = new Fils()) {
            fils.demarrer("appelant", () -> {
                Diner.diner(table, 10, p -> {
                    if (p == 0 && ctrl.aMange.get(0) == 2) {
                        // Au troisième repas, on demande au philosophe 0 de
                        // s'arrêter (comme un sleep interrompu).
                        throw new InterruptedException("fin demandée");
                    }
                    ctrl.manger(p);
                });
                rendu.countDown();
            });
            fils.attendreSansErreurQue("diner ne finit pas : le philosophe 0, interrompu"
                    + " pendant son repas, n'a pas posé ses baguettes (poser"
                    + " dans un finally) ou ne s'est pas arrêté", MAX,
                    () -> rendu.getCount() == 0);
            assertThat(fils.erreurs()).isEmpty();
            for (int p = 1; p < N; p++) {
                assertThat(ctrl.aMange.get(p)).as("repas de " + p).isEqualTo(10);
            }
            assertThat(ctrl.aMange.get(0)).as("repas du philosophe 0 : interrompu"
                    + " au troisième, il doit s'arrêter").isEqualTo(2);
            for (int b = 0; b < N; b++) {
                assertThat(obs.detenteur.get(b)).as("détenteur de la baguette "
                        + b + " après le dîner (-1 : personne)").isEqualTo(-1);
            }
            assertThat(obs.violations).as("règles violées").isEmpty();
        }
    }

    private static void attendreSansInterruption(CountDownLatch loquet) {
        boolean interrompu = false;
        while (true) {
            try {
                if (loquet.await(MAX.toMillis(), java.util.concurrent.TimeUnit
                        .MILLISECONDS)) {
                    break;
                }
                break; // au pire, on relâche après le délai
            } catch (InterruptedException e) {
                interrompu = true;
            }
        }
        if (interrompu) {
            Thread.currentThread().interrupt();
        }
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
