package fr.progsys.sockets.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import fr.progsys.sockets.support.ServerOptions;
import fr.progsys.testkit.Tools;

/** Le même contrat que les trois autres serveurs (JDK 21+). */
@DisplayName("S15 : serveur TCP, un thread virtuel par connexion (JDK 21+)")
class VirtualThreadServerTest extends TcpServerContract {

    @Override
    TcpServer start(ServerOptions options) {
        return track(new VirtualThreadServer(options, line -> { }));
    }

    @Test
    @DisplayName("l'exemple, lancé comme depuis Maven, dialogue avec nc et s'arrête sur « stop »")
    void exampleTalksToNc() throws IOException {
        Tools.require("nc");
        assertThat(ServerExamplesTest.runAndStop(VirtualThreadServer.class,
                ServerExamplesTest::ncSession))
                .contains("SOMME 1 2 39\n42\n", "QUIT\nBYE\n");
    }
}
