package fr.progsys.sockets.tcp;

import org.junit.jupiter.api.DisplayName;

import fr.progsys.sockets.ServerOptions;

@DisplayName("S17 : serveur TCP, un seul thread et un Selector")
class SelectorServerTest extends TcpServerContract {

    @Override
    TcpServer start(ServerOptions options) {
        return track(SelectorServer.tcp(options, line -> { }));
    }
}
