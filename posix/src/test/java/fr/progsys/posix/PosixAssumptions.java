package fr.progsys.posix;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Les tests natifs ne tournent que sous Linux ; ailleurs ils sont sautés avec la raison. */
final class PosixAssumptions {

    private PosixAssumptions() {
    }

    static void linux(String what) {
        assumeTrue(Platform.isLinux(), what + " : non disponible(s) sous "
                + Platform.osName() + " (ce cours les exécute sous Linux)");
    }
}
