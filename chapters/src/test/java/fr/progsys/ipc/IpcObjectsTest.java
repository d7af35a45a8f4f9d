package fr.progsys.ipc;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.progsys.posix.Platform;
import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.IpcHygiene;
import fr.progsys.testkit.IpcNames;
import fr.progsys.testkit.Snippets;

@DisplayName("I01, I02 : trois mécanismes, une table par type, des noms qui commencent par /")
@ExtendWith(IpcHygiene.class)
class IpcObjectsTest {

    @BeforeAll
    static void linux() {
        IpcTestSupport.linux();
    }

    @Test
    @DisplayName("I01, I02 : un même nom désigne à la fois une file, une mémoire et un sémaphore ; les mauvais noms échouent")
    void oneNameThreeObjectsAndBadNamesFail() {
        String name = IpcNames.unique("demo");
        ChildJvm.Result run = Snippets.capture(IpcObjects.class, name);

        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout()).containsPattern("file +" + name + " : mqd_t = \\d+")
                .containsPattern("mémoire " + name + " : fd += \\d+")
                .contains("sémaphore " + name + " : valeur 1")
                .contains("  /dev/shm/" + name.substring(1) + "\n")
                .contains("  /dev/shm/sem." + name.substring(1) + "\n")
                .contains("glibc " + Platform.libcVersion() + "\n")
                .contains("mq_open(\"demo\") : EINVAL")
                .contains("mq_open(\"/demo/fils\") : EACCES")
                .contains("ENAMETOOLONG");
    }
}
