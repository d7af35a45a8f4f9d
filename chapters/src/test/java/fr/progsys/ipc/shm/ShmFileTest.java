package fr.progsys.ipc.shm;

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

@DisplayName("I10, I11 : read/write sur le descripteur, shm_unlink")
@ExtendWith(IpcHygiene.class)
class ShmFileTest {

    @BeforeAll
    static void linux() {
        IpcTestSupport.linux();
    }

    @Test
    @DisplayName("sous Linux le descripteur se lit et s'écrit comme un fichier de /dev/shm, même après shm_unlink")
    void theDescriptorBehavesLikeATmpfsFile() {
        String name = IpcNames.unique("fichier");
        ChildJvm.Result run = Snippets.capture(ShmFile.class, name);

        String file = "/dev/shm/" + name.substring(1);
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout().lines()).containsExactly(
                "après write : 17 octets, " + file + " existe : true",
                "après shm_unlink : " + file + " existe : false",
                "read : écrit par write");
    }
}
