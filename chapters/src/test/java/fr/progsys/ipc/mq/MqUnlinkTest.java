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

@DisplayName("I08 : mq_close et mq_unlink")
@ExtendWith(IpcHygiene.class)
class MqUnlinkTest {

    @BeforeAll
    static void linux() {
        IpcTestSupport.linux();
    }

    @Test
    @DisplayName("après mq_unlink, un nouveau mq_open échoue (ENOENT) mais la file ouverte sert encore")
    void unlinkedQueueStillWorksThroughItsDescriptor() {
        String name = IpcNames.unique("unlink");
        ChildJvm.Result run = Snippets.capture(MqUnlink.class, name);

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout().lines()).containsExactly(
                "mq_open après mq_unlink : ENOENT", "reçu : encore là");
    }
}
