package fr.progsys.tp.chat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.DisplayName;

@DisplayName("TP chat")
class ServeurChatTest extends ScenariosChat {

    private ServerSocket ecoute;

    @Override
    protected ServeurDeChat creer() throws IOException {
        ecoute = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        return new ServeurChat(ecoute);
    }

    @Override
    protected void couper() throws IOException {
        ecoute.close();
    }
}
