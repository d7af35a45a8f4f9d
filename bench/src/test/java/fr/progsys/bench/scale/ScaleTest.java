package fr.progsys.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("Les serveurs d'écho sous N clients")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ScaleTest {

    static final int N = 60;

    /**
     * Mesure {@code server} sous {@code clients} clients, exige que tous
     * aient été servis et rend le nombre de threads du serveur. Les champs de
     * la mesure : débit, médiane, p99, threads, RSS, complet.
     */
    private static int threadsServingAll(String server, int clients) throws Exception {
        String[] fields = Scale.measureOne(server, clients, 3).split(";");
        assertThat(fields[5]).as("tous les clients servis").isEqualTo("oui");
        return Integer.parseInt(fields[3]);
    }

    @Test
    @DisplayName("un thread par connexion : le serveur a au moins autant de threads que de clients")
    void threadPerConnectionHasAtLeastOneThreadPerClient() throws Exception {
        assertThat(threadsServingAll("threads", N)).isGreaterThanOrEqualTo(N);
    }

    @Test
    @DisplayName("pool fixe : tous les clients sont servis, avec moins de threads que de clients")
    void poolServesEveryClientWithFewerThreads() throws Exception {
        int clients = EchoServers.POOL + 40; // plus de clients que de threads dans le pool
        assertThat(threadsServingAll("pool", clients)).isLessThan(clients);
    }

    @Test
    @DisplayName("Selector : tous les clients sont servis par un seul thread de service")
    void selectorServesEveryClientWithOneThread() throws Exception {
        assertThat(threadsServingAll("selector", N)).isLessThan(N);
    }
}
