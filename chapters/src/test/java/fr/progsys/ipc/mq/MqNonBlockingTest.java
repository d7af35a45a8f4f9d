package fr.progsys.ipc.mq;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.progsys.ipc.IpcTestSupport;
import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.IpcHygiene;
import fr.progsys.testkit.IpcNames;
import fr.progsys.testkit.Snippets;

@DisplayName("I06, I07 : EAGAIN sous O_NONBLOCK, EMSGSIZE dans les deux sens")
@ExtendWith(IpcHygiene.class)
class MqNonBlockingTest {

    @BeforeAll
    static void linux() {
        IpcTestSupport.linux();
    }

    @Test
    @DisplayName("file pleine ou vide : EAGAIN ; message trop grand ou tampon trop petit : EMSGSIZE")
    void eagainAndEmsgsize() {
        String name = IpcNames.unique("nb");
        ChildJvm.Result run = Snippets.capture(MqNonBlocking.class, name);

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout().lines()).containsExactly(
                "3e mq_send, file pleine : EAGAIN",
                "mq_send de 17 octets : EMSGSIZE",
                "mq_receive, tampon de 15 : EMSGSIZE",
                "  un",
                "  deux",
                "mq_receive x 3 : EAGAIN");
    }
}
