package fr.progsys.tp.selector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.HashSet;
import java.util.Set;

import fr.progsys.tp.chat.ScenariosChat;
import fr.progsys.tp.chat.ServeurDeChat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

@DisplayName("TP selector")
class ServeurSelecteurTest extends ScenariosChat {

    private ServerSocketChannel ecoute;

    @Override
    protected ServeurDeChat creer() throws IOException {
        ecoute = ServerSocketChannel.open().bind(new InetSocketAddress(
                InetAddress.getLoopbackAddress(), 0));
        return new ServeurSelecteur(ecoute);
    }

    @Override
    protected void couper() throws IOException {
        ecoute.close();
    }

    @Test
    @Order(7)
    @DisplayName("un seul thread sert trois clients : le serveur n'en crée"
            + " aucun autre")
    void oneThreadServesEveryone() throws IOException {
        Set<Thread> avant = new HashSet<>(Thread.getAllStackTraces().keySet());
        Set<Thread> nouveaux = new HashSet<>();
        parlerATrois(() -> nouveaux.addAll(Thread.getAllStackTraces().keySet()));
        nouveaux.removeAll(avant);
        nouveaux.removeIf(t -> t.getThreadGroup() == null
                || !t.getThreadGroup().getName().equals("main"));
        assertThat(nouveaux).as("threads créés pendant l'échange").isEmpty();
    }

    @Test
    @Order(8)
    @DisplayName("un client qui lit lentement reçoit tout, octet pour octet :"
            + " une écriture partielle est reprise au OP_WRITE suivant")
    void slowReaderGetsEveryByte() throws IOException {
        lecteurLentRecoitTout();
    }

    @Test
    @Order(9)
    @DisplayName("un read n'est pas une ligne : une ligne coupée en deux"
            + " écritures, puis deux lignes en une seule, sont diffusées telles"
            + " quelles")
    void aReadIsNotALine() throws IOException {
        uneLectureNEstPasUneLigne();
    }

    @Test
    @Order(10)
    @DisplayName("un client parti est oublié : clé annulée, canal fermé (les"
            + " descripteurs ouverts reviennent à leur nombre d'avant)")
    void departedClientIsClosed() throws IOException {
        unDepartFermeLaConnexion();
    }
}
