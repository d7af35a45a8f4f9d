package fr.progsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import fr.progsys.threads.support.Race;

/**
 * La boîte à outils Java du livre : les quelques classes du JDK et de
 * Awaitility que les exemples et les tests emploient avant de les expliquer.
 * Chaque test montre un outil et échoue si l'outil ne fait pas ce que le
 * livre en dit.
 */
@DisplayName("Boîte à outils : Thread, join, CountDownLatch, CyclicBarrier, Awaitility, ByteBuffer")
class ToolboxTest {

    @Test
    @Timeout(10)
    @DisplayName("après join, le thread est fini et ce qu'il a écrit se voit")
    void joinWaitsAndPublishes() throws InterruptedException {
        // Attrape : un join oublié (la lecture verrait encore null).
        // tag::thread-join[]
        AtomicReference<String> seen = new AtomicReference<>();
        Thread t = new Thread(() -> seen.set("fait"), "cadette");
        t.start(); // crée le thread (pthread_create) ; run() ne le ferait pas
        t.join();  // attend sa fin (pthread_join)
        assertThat(t.isAlive()).isFalse();
        assertThat(seen.get()).isEqualTo("fait");
        // end::thread-join[]
    }

    @Test
    @Timeout(10)
    @DisplayName("CountDownLatch : await bloque jusqu'au dernier countDown")
    void latchOpensAtZero() throws InterruptedException {
        // Attrape : un verrou qui s'ouvrirait au premier countDown.
        // tag::latch[]
        CountDownLatch ready = new CountDownLatch(2); // deux signaux attendus
        ready.countDown();
        assertThat(ready.await(100, TimeUnit.MILLISECONDS)).isFalse();
        ready.countDown(); // le compte atteint 0 : le loquet s'ouvre
        assertThat(ready.await(5, TimeUnit.SECONDS)).isTrue();
        // end::latch[]
    }

    @Test
    @Timeout(10)
    @DisplayName("CyclicBarrier : personne ne passe avant que tous soient arrivés")
    void barrierReleasesAllTogether() throws Exception {
        // Attrape : une barrière qui laisserait passer le premier arrivé.
        // tag::barrier[]
        CyclicBarrier allHere = new CyclicBarrier(3); // trois participants
        AtomicInteger passed = new AtomicInteger();
        Runnable party = () -> {
            Race.await(allHere); // bloque tant que les trois n'y sont pas
            passed.incrementAndGet();
        };
        Thread first = new Thread(party);
        Thread second = new Thread(party);
        first.start();
        second.start();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> allHere.getNumberWaiting() == 2);
        assertThat(passed.get()).isZero(); // deux arrivés, aucun passé
        party.run(); // le troisième arrive : les trois passent
        first.join();
        second.join();
        assertThat(passed.get()).isEqualTo(3);
        // end::barrier[]
    }

    @Test
    @Timeout(10)
    @DisplayName("Awaitility : until sonde jusqu'au délai, during exige que l'état dure")
    void awaitilityPollsForAFact() throws InterruptedException {
        // Attrape : un thread qui ne se bloquerait pas sur le loquet.
        // tag::awaitility[]
        CountDownLatch never = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        // until : sonder jusqu'à ce que ce soit vrai, 5 s au plus.
        // during : et que cela reste vrai 300 ms d'affilée.
        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(5))
                .until(() -> waiter.getState() == Thread.State.WAITING);
        waiter.interrupt(); // le libérer
        waiter.join();
        // end::awaitility[]
    }

    @Test
    @Timeout(10)
    @DisplayName("ByteBuffer : put avance la position, flip la ramène à 0 pour relire")
    void byteBufferFlip() {
        // Attrape : une lecture sans flip (elle partirait de la position 7).
        // tag::bytebuffer[]
        ByteBuffer buf = ByteBuffer.allocate(16);
        buf.put("bonjour".getBytes(StandardCharsets.US_ASCII));
        assertThat(buf.position()).isEqualTo(7); // écrit : 7 octets
        assertThat(buf.limit()).isEqualTo(16);
        buf.flip(); // limite = position (7), position = 0 : prêt à lire
        assertThat(buf.remaining()).isEqualTo(7);
        byte[] read = new byte[buf.remaining()];
        buf.get(read); // lire avance aussi la position
        assertThat(new String(read, StandardCharsets.US_ASCII))
                .isEqualTo("bonjour");
        assertThat(buf.hasRemaining()).isFalse();
        buf.clear(); // position = 0, limite = 16 : prêt à écrire
        // end::bytebuffer[]
    }
}
