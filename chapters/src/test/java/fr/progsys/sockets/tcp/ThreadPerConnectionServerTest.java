package fr.progsys.sockets.tcp;

import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import fr.progsys.sockets.support.ServerOptions;

@DisplayName("S15 : serveur TCP, un thread par connexion")
class ThreadPerConnectionServerTest extends TcpServerContract {

    @Override
    TcpServer start(ServerOptions options) {
        return track(new ThreadPerConnectionServer(options, line -> { }));
    }

    @Test
    @Timeout(120)
    @DisplayName("S15, S16 : le jumeau C thread_server.c (accept, pthread_create) a un thread par client ouvert, et répond comme ThreadPerConnectionServer")
    void cTwinHasOneThreadPerClient(@TempDir Path dir) {
        // main (dans accept) et un thread par client : un serveur à un seul
        // thread en aurait un.
        cTwinAnswersLikeThisServer(dir, "thread_server.c",
                "sockets/thread-server-c.txt", 3);
    }
}
