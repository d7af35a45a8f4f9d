package fr.progsys.tp.calcul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("TP calcul")
@Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CalculTest {

    static final Duration MAX = Duration.ofSeconds(10);

    @Test
    @Order(1)
    @DisplayName("enParallele : 4 tâches tournent en même temps, chacune dans"
            + " un thread qui n'est pas celui de l'appelant")
    void tasksRunTogetherInTheirOwnThreads() throws Exception {
        int n = 4;
        CyclicBarrier ensemble = new CyclicBarrier(n);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        List<Callable<Integer>> taches = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int moi = i;
            taches.add(() -> {
                threads.add(Thread.currentThread());
                // Les 4 doivent être là en même temps, sinon délai dépassé.
                ensemble.await(MAX.toSeconds(), TimeUnit.SECONDS);
                return moi;
            });
        }
        List<Integer> r = Calcul.enParallele(taches);
        assertThat(r).containsExactly(0, 1, 2, 3);
        assertThat(threads).hasSize(n).doesNotContain(Thread.currentThread());
    }

    @Test
    @Order(2)
    @DisplayName("enParallele : chaque résultat revient à sa tâche, même quand"
            + " les tâches finissent dans l'ordre inverse")
    void resultsComeBackInTaskOrder() throws Exception {
        int n = 4;
        CountDownLatch[] finie = new CountDownLatch[n + 1];
        for (int i = 0; i <= n; i++) {
            finie[i] = new CountDownLatch(i == n ? 0 : 1);
        }
        List<Callable<String>> taches = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int moi = i;
            taches.add(() -> {
                // La tâche i attend la fin de la tâche i + 1 : 3, 2, 1, 0.
                if (!finie[moi + 1].await(MAX.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("tâche " + (moi + 1)
                            + " jamais finie : les tâches ne tournent pas"
                            + " en même temps");
                }
                finie[moi].countDown();
                return "résultat " + moi;
            });
        }
        assertThat(Calcul.enParallele(taches)).containsExactly(
                "résultat 0", "résultat 1", "résultat 2", "résultat 3");
    }

    @Test
    @Order(3)
    @DisplayName("somme : la somme de 1 à 1001 par 4 threads (tranches"
            + " inégales) vaut 501 501")
    void sumOfUnevenSlices() throws InterruptedException {
        long[] t = LongStream.rangeClosed(1, 1001).toArray();
        assertThat(Calcul.somme(t, 4)).isEqualTo(501_501L);
        assertThat(Calcul.somme(new long[] {5, 7}, 3)).isEqualTo(12L);
    }

    @Test
    @Order(4)
    @DisplayName("chercher : dès qu'un thread trouve, les autres, bloqués dans"
            + " le critère, sont interrompus et la recherche rend la main")
    void finderInterruptsBlockedWorkers() {
        AtomicInteger interrompus = new AtomicInteger();
        CountDownLatch bloques = new CountDownLatch(3);
        CountDownLatch jamais = new CountDownLatch(1);
        OptionalLong r = assertTimeoutPreemptively(MAX, () ->
                Calcul.chercher(0, 400, 4, x -> {
                    if (x >= 200 && x < 300) { // la tranche du trouveur
                        // il ne trouve qu'une fois les 3 autres bloqués
                        return x == 250 && attendre(bloques);
                    }
                    bloques.countDown();
                    try {
                        jamais.await(); // les autres bloquent ici
                    } catch (InterruptedException e) {
                        interrompus.incrementAndGet();
                        throw e;
                    }
                    return false;
                }), "chercher ne rend pas la main : les autres threads"
                + " n'ont pas été interrompus (ou pas attendus)");
        assertThat(r).hasValue(250);
        assertThat(interrompus).as("threads interrompus").hasValue(3);
    }

    @Test
    @Order(5)
    @DisplayName("chercher : un thread qui calcule sans bloquer s'arrête aussi,"
            + " car il teste son interruption à chaque pas")
    void busyWorkersCheckTheirInterruption() {
        Set<Thread> chercheurs = ConcurrentHashMap.newKeySet();
        CountDownLatch partis = new CountDownLatch(4);
        OptionalLong r = assertTimeoutPreemptively(MAX, () ->
                Calcul.chercher(0, Long.MAX_VALUE / 2, 4, x -> {
                    if (chercheurs.add(Thread.currentThread())) {
                        partis.countDown();
                    }
                    // 7 n'est trouvé qu'une fois les 4 threads au travail
                    return x == 7 && attendre(partis);
                }), "chercher ne rend pas la main : un thread qui parcourt"
                + " sa tranche ne teste pas Thread.interrupted()");
        assertThat(r).hasValue(7);
        assertThat(chercheurs).as("threads de recherche").hasSize(4)
                .noneMatch(Thread::isAlive);
    }

    @Test
    @Order(6)
    @DisplayName("chercher : rien d'accepté, résultat vide, et chaque nombre"
            + " de l'intervalle a été essayé une fois")
    void nothingFound() throws InterruptedException {
        Set<Long> essayes = ConcurrentHashMap.newKeySet();
        AtomicInteger appels = new AtomicInteger();
        OptionalLong r = Calcul.chercher(10, 1010, 3, x -> {
            essayes.add(x);
            appels.incrementAndGet();
            return false;
        });
        assertThat(r).isEmpty();
        assertThat(essayes).hasSize(1000).allMatch(x -> x >= 10 && x < 1010);
        assertThat(appels).hasValue(1000);
    }

    @Test
    @Order(7)
    @DisplayName("enParallele : l'exception d'une tâche est signalée"
            + " (IllegalStateException, de cause l'exception), pas remplacée"
            + " par un résultat null")
    void taskExceptionIsReported() {
        java.io.IOException panne = new java.io.IOException("disque plein");
        List<Callable<String>> taches = List.of(() -> "a", () -> {
            throw panne;
        }, () -> "c");
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                Calcul.enParallele(taches))
                .as("enParallele doit relancer l'exception de la tâche 1")
                .isInstanceOf(IllegalStateException.class)
                .hasCause(panne);
    }

    @Test
    @Order(8)
    @DisplayName("chercher attend tous les threads : tant qu'un thread"
            + " interrompu n'a pas fini, chercher ne rend pas la main")
    void searchJoinsEveryWorker() throws InterruptedException {
        // Le thread de la tranche [200, 300) trouve 250 une fois les trois
        // autres bloqués ; interrompus, ceux-ci sont retenus avant de finir,
        // puis relâchés un par un : chercher doit les attendre tous.
        int n = 4;
        CountDownLatch bloques = new CountDownLatch(3);
        CountDownLatch jamais = new CountDownLatch(1);
        java.util.Map<Long, CountDownLatch> sortie = new ConcurrentHashMap<>();
        java.util.Map<Long, Thread> threadDe = new ConcurrentHashMap<>();
        for (long tranche : new long[] {0, 1, 3}) {
            sortie.put(tranche, new CountDownLatch(1));
        }
        java.util.concurrent.atomic.AtomicReference<OptionalLong> resultat =
                new java.util.concurrent.atomic.AtomicReference<>();
        CountDownLatch rendu = new CountDownLatch(1);
        try (fr.progsys.tp.Fils fils = new fr.progsys.tp.Fils()) {
            fils.demarrer("appelant", () -> {
                resultat.set(Calcul.chercher(0, 400, n, x -> {
                    long tranche = x / 100;
                    if (tranche == 2) {
                        return x == 250 && attendre(bloques);
                    }
                    if (threadDe.putIfAbsent(tranche, Thread.currentThread())
                            == null) {
                        bloques.countDown();
                    }
                    try {
                        jamais.await();
                    } catch (InterruptedException e) {
                        // interrompu : retenu ici jusqu'à ce que le test le
                        // relâche, puis il finit normalement
                        sortie.get(tranche).await(MAX.toSeconds(),
                                TimeUnit.SECONDS);
                        throw e;
                    }
                    return false;
                }));
                rendu.countDown();
            });
            try {
                fils.attendreSansErreurQue("les trois autres threads ne"
                        + " sont jamais interrompus (ou jamais lancés)", MAX,
                        () -> threadDe.size() == 3 && threadDe.values()
                                .stream().allMatch(t -> t.getState()
                                        == Thread.State.TIMED_WAITING));
                for (long tranche : new long[] {0, 1, 3}) {
                    fr.progsys.tp.Fils.resteVrai("chercher a rendu la main"
                            + " alors que le thread de la tranche " + tranche
                            + " n'avait pas fini : il faut attendre (join)"
                            + " chacun des threads, pas seulement le trouveur",
                            Duration.ofMillis(300), () -> rendu.getCount() == 1);
                    sortie.get(tranche).countDown();
                    Thread t = threadDe.get(tranche);
                    t.join(MAX.toMillis());
                }
            } finally {
                sortie.values().forEach(CountDownLatch::countDown);
            }
            fils.attendreSansErreurQue("chercher ne rend pas la main une"
                    + " fois tous les threads finis", MAX,
                    () -> rendu.getCount() == 0);
            assertThat(resultat.get()).hasValue(250);
            assertThat(fils.erreurs()).isEmpty();
        }
    }

    /** Attend le loquet (borné) : faux si les autres threads ne viennent pas. */
    private static boolean attendre(CountDownLatch loquet)
            throws InterruptedException {
        if (!loquet.await(MAX.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("les autres threads ne tournent"
                    + " pas en même temps");
        }
        return true;
    }
}
