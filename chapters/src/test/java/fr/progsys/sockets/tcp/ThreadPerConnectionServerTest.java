package fr.progsys.sockets.tcp;

import org.junit.jupiter.api.DisplayName;

import fr.progsys.sockets.ServerOptions;

@DisplayName("S15 : serveur TCP, un thread par connexion")
class ThreadPerConnectionServerTest extends TcpServerContract {

    @Override
    TcpServer start(ServerOptions options) {
        return track(new ThreadPerConnectionServer(options, line -> { }));
    }
}
