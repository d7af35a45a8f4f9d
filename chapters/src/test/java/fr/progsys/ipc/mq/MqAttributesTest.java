package fr.progsys.ipc.mq;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.progsys.ipc.IpcTestSupport;
import fr.progsys.posix.MessageQueue;
import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.IpcHygiene;
import fr.progsys.testkit.IpcNames;
import fr.progsys.testkit.Snippets;

@DisplayName("I03, I04, I05 : mq_open, mq_getattr, mq_setattr")
@ExtendWith(IpcHygiene.class)
class MqAttributesTest {

    @BeforeAll
    static void linux() {
        IpcTestSupport.linux();
    }

    @Test
    @DisplayName("les attributs se relisent, O_EXCL donne EEXIST, mq_setattr ne change que O_NONBLOCK")
    void attributesExclAndSetattr() {
        String name = IpcNames.unique("attr");
        ChildJvm.Result run = Snippets.capture(MqAttributes.class, name);

        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout())
                .containsPattern("mq_open -> mqd_t \\d+")
                .contains("{mq_flags=0, mq_maxmsg=5, mq_msgsize=128, mq_curmsgs=1}")
                .contains("second mq_open : EEXIST")
                .contains("{mq_flags=O_NONBLOCK, mq_maxmsg=5, mq_msgsize=128, mq_curmsgs=1}")
                .contains("msg_max=" + MessageQueue.limits().msgMax())
                .contains("sysconf(_SC_MQ_PRIO_MAX) = " + MessageQueue.priorityMax());
    }
}
