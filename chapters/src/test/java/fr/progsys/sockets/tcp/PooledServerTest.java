package fr.progsys.sockets.tcp;

import org.junit.jupiter.api.DisplayName;

import fr.progsys.sockets.ServerOptions;

@DisplayName("S15 : serveur TCP, pool de threads borné")
class PooledServerTest extends TcpServerContract {

    @Override
    TcpServer start(ServerOptions options) {
        return track(new PooledServer(options, line -> { }));
    }
}
