package fr.progsys.posix;

import static fr.progsys.posix.OpenFlags.O_RDWR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("I02, I05 : PosixException et Platform, errno lisible, refus clair hors Linux")
class PosixExceptionTest {

    @BeforeAll
    static void linuxOnly() {
        PosixAssumptions.linux("les appels POSIX");
    }

    @Test
    @DisplayName("l'exception porte le nom de errno, son numéro, le texte de strerror et l'appel")
    void carriesErrnoNameTextAndCall() {
        PosixException e = new PosixException("mq_open(\"/x\", O_RDONLY)", 2);
        assertThat(e.errno()).isEqualTo(2);
        assertThat(e.errnoName()).isEqualTo("ENOENT");
        assertThat(e.call()).isEqualTo("mq_open(\"/x\", O_RDONLY)");
        assertThat(e.getMessage())
                .isEqualTo("mq_open(\"/x\", O_RDONLY) : ENOENT (No such file or directory)");
        assertThat(new PosixException("f()", 11).errnoName()).isEqualTo("EAGAIN");
        assertThat(new PosixException("f()", 90).errnoName()).isEqualTo("EMSGSIZE");
        assertThat(new PosixException("f()", 36).errnoName()).isEqualTo("ENAMETOOLONG");
    }

    @Test
    @DisplayName("hors Linux, les classes refusent avec UnsupportedOperationException (« … on macOS »)")
    void otherSystemsGetAClearRefusal() {
        String real = System.getProperty("os.name");
        System.setProperty("os.name", "Mac OS X");
        try {
            assertThatThrownBy(() -> MessageQueue.open("/x", O_RDWR))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageStartingWith("Les files de messages POSIX ne sont pas disponibles sous macOS");
            assertThatThrownBy(() -> SharedMemory.open("/x", O_RDWR))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("mémoire partagée");
            assertThatThrownBy(() -> NamedSemaphore.open("/x", 0))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("sémaphores nommés");
        } finally {
            System.setProperty("os.name", real);
        }
    }
}
