package fr.progsys.sockets.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import fr.progsys.sockets.LineClient;
import fr.progsys.sockets.support.Protocol;
import fr.progsys.sockets.support.ServerOptions;

@DisplayName("S15 : serveur TCP, pool de threads borné")
class PooledServerTest extends TcpServerContract {

    @Override
    TcpServer start(ServerOptions options) {
        return track(new PooledServer(options, line -> { }));
    }

    @Test
    @DisplayName("pool plein et file pleine : le client suivant reçoit « saturé », les autres sont servis")
    void saturatedPoolRefusesPolitely() {
        TcpServer server = track(new PooledServer(
                ServerOptions.DEFAULTS.withThreads(1), line -> { }, 1));
        try (LineClient busy = LineClient.connect(server.address())) {
            assertThat(busy.send("PING").readLine()).isEqualTo("PONG");
            try (LineClient queued = LineClient.connect(server.address());
                    LineClient refused = LineClient.connect(server.address())) {
                assertThat(refused.readLine()).isEqualTo(Protocol.BUSY);
                assertThat(refused.awaitClosedByServer()).isTrue();
                queued.send("SOMME 1 1");
                busy.send("QUIT"); // libère le seul thread
                assertThat(busy.readLine()).isEqualTo("BYE");
                assertThat(queued.readLine()).isEqualTo("2");
            }
        }
    }
}
