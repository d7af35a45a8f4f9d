package fr.progsys.bench.echelle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Les serveurs d'écho sous N clients")
class EchelleTest {

    static final int N = 60;

    /** Les champs : débit, médiane, p99, threads, RSS, complet. */
    private static String[] mesurer(String serveur, int clients) throws Exception {
        return Echelle.uneMesure(serveur, clients, 3).split(";");
    }

    @Test
    @DisplayName("un thread par connexion : le serveur a au moins autant de threads que de clients")
    void threadPerConnectionHasAtLeastOneThreadPerClient() throws Exception {
        String[] champs = mesurer("threads", N);

        assertThat(champs[5]).isEqualTo("oui");
        assertThat(Integer.parseInt(champs[3])).isGreaterThanOrEqualTo(N);
    }

    @Test
    @DisplayName("pool fixe : tous les clients sont servis, avec moins de threads que de clients")
    void poolServesEveryClientWithFewerThreads() throws Exception {
        int clients = ServeurEcho.POOL + 40; // plus de clients que de threads dans le pool
        String[] champs = mesurer("pool", clients);

        assertThat(champs[5]).isEqualTo("oui");
        assertThat(Integer.parseInt(champs[3])).isLessThan(clients);
    }

    @Test
    @DisplayName("Selector : tous les clients sont servis par un seul thread de service")
    void selectorServesEveryClientWithOneThread() throws Exception {
        String[] champs = mesurer("selector", N);

        assertThat(champs[5]).isEqualTo("oui");
        assertThat(Integer.parseInt(champs[3])).isLessThan(N);
    }
}
