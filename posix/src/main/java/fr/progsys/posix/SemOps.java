package fr.progsys.posix;

import java.time.Duration;
import java.time.Instant;

import jnr.constants.platform.Errno;

/**
 * Les opérations communes aux sémaphores nommés et anonymes : un {@code sem_t *}
 * est le même objet pour {@code sem_wait}, {@code sem_post}… quelle que soit
 * la façon dont on l'a obtenu ({@code sem_open} ou {@code sem_init}).
 * L'appelant protège le pointeur par son {@link Guard}.
 */
final class SemOps {

    private SemOps() {
    }

    /** {@code sem_wait}, relancé après EINTR. */
    static void await(long sem, String what) {
        while (Binding.get().semWait(sem) == -1) {
            int errno = Binding.lastErrno();
            if (!Binding.interrupted(errno)) {
                throw new PosixException("sem_wait(" + what + ")", errno);
            }
        }
    }

    /** {@code sem_trywait} : vrai si pris, faux sur EAGAIN. */
    static boolean tryWait(long sem, String what) {
        if (Binding.get().semTrywait(sem) == 0) {
            return true;
        }
        int errno = Binding.lastErrno();
        if (Binding.is(errno, Errno.EAGAIN)) {
            return false;
        }
        throw new PosixException("sem_trywait(" + what + ")", errno);
    }

    /** {@code sem_timedwait} jusqu'à l'échéance : vrai si pris, faux sur ETIMEDOUT. */
    static boolean timedWait(long sem, Instant deadline, String what) {
        while (Binding.get().semTimedwait(sem, deadline) == -1) {
            int errno = Binding.lastErrno();
            if (Binding.is(errno, Errno.ETIMEDOUT)) {
                return false;
            }
            if (!Binding.interrupted(errno)) {
                throw new PosixException("sem_timedwait(" + what + ", &abstime)", errno);
            }
        }
        return true;
    }

    /** L'échéance d'une attente bornée, calculée avant d'entrer dans le garde. */
    static Instant deadline(Duration timeout) {
        return Binding.deadline(timeout);
    }

    static void post(long sem, String what) {
        if (Binding.get().semPost(sem) == -1) {
            throw PosixException.last("sem_post(" + what + ")");
        }
    }

    static int value(long sem, String what) {
        int[] sval = new int[1];
        if (Binding.get().semGetvalue(sem, sval) == -1) {
            throw PosixException.last("sem_getvalue(" + what + ", &sval)");
        }
        return sval[0];
    }
}
