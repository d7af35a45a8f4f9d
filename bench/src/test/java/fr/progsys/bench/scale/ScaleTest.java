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

    /** Les champs : débit, médiane, p99, threads, RSS, complet. */
    private static String[] measure(String server, int clients) throws Exception {
        return Scale.measureOne(server, clients, 3).split(";");
    }

    @Test
    @DisplayName("un thread par connexion : le serveur a au moins autant de threads que de clients")
    void threadPerConnectionHasAtLeastOneThreadPerClient() throws Exception {
        String[] fields = measure("threads", N);

        assertThat(fields[5]).isEqualTo("oui");
        assertThat(Integer.parseInt(fields[3])).isGreaterThanOrEqualTo(N);
    }

    @Test
    @DisplayName("pool fixe : tous les clients sont servis, avec moins de threads que de clients")
    void poolServesEveryClientWithFewerThreads() throws Exception {
        int clients = EchoServers.POOL + 40; // plus de clients que de threads dans le pool
        String[] fields = measure("pool", clients);

        assertThat(fields[5]).isEqualTo("oui");
        assertThat(Integer.parseInt(fields[3])).isLessThan(clients);
    }

    @Test
    @DisplayName("Selector : tous les clients sont servis par un seul thread de service")
    void selectorServesEveryClientWithOneThread() throws Exception {
        String[] fields = measure("selector", N);

        assertThat(fields[5]).isEqualTo("oui");
        assertThat(Integer.parseInt(fields[3])).isLessThan(N);
    }
}
