package fr.progsys.sockets.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import fr.progsys.sockets.LineClient;
import fr.progsys.sockets.support.ServerOptions;

@DisplayName("S17 : serveur TCP, un seul thread et un Selector")
class SelectorServerTest extends TcpServerContract {

    @Override
    TcpServer start(ServerOptions options) {
        return track(SelectorServer.tcp(options, line -> { }));
    }

    @Test
    @DisplayName("S17 : dix clients connectés à la fois sont servis par un seul thread, celui du Selector")
    void tenClientsOneThread() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        TcpServer server = start();
        List<LineClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                clients.add(LineClient.connect(server.address()));
            }
            for (LineClient c : clients) {
                assertThat(c.send("PING").readLine()).isEqualTo("PONG");
            }
            // Un serveur à un thread par connexion en aurait créé dix.
            List<String> created = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.isAlive())
                    .map(Thread::getName).toList();
            assertThat(created).containsExactly("selector");
        } finally {
            clients.forEach(LineClient::close);
        }
    }

    @Test
    @Timeout(120)
    @DisplayName("S17 : le jumeau C select_server.c sert deux clients ouverts à la fois avec un seul thread, et répond comme SelectorServer")
    void cTwinServesTwoClientsWithOneThread(@TempDir Path dir) {
        // Un serveur à un thread par client en aurait trois.
        cTwinAnswersLikeThisServer(dir, "select_server.c",
                "sockets/select-server-c.txt", 1);
    }
}
