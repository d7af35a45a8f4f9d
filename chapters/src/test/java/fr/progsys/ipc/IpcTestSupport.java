package fr.progsys.ipc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

import fr.progsys.CTwins;
import fr.progsys.posix.Platform;
import fr.progsys.testkit.Tools;

/** Ce dont les tests du chapitre IPC ont besoin : Linux, gcc, strace, les sources C. */
public final class IpcTestSupport {

    private IpcTestSupport() {
    }

    /** Saute le test hors Linux, avec la raison. */
    public static void linux() {
        assumeTrue(Platform.isLinux(), "IPC POSIX non disponibles sous "
                + Platform.osName() + " (ce cours les exécute sous Linux)");
    }

    /** Compile un jumeau C de {@code src/main/c/ipc} dans {@code dir} ; saute sans gcc. */
    public static Path compileTwin(String cFile, Path dir) {
        linux();
        return CTwins.compile("ipc/" + cFile, dir);
    }

    /** Saute le test sans strace. */
    public static void strace() {
        linux();
        assumeTrue(Tools.has("strace"), "strace absent : pas de trace des appels système");
    }
}
