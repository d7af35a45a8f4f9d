package fr.progsys.posix;

import java.time.Duration;

import jnr.constants.platform.Errno;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

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
    static void await(Pointer sem, String what) {
        while (Native.libc().sem_wait(sem) == -1) {
            int errno = Native.errno();
            if (!Native.interrupted(errno)) {
                throw new PosixException("sem_wait(" + what + ")", errno);
            }
        }
    }

    /** {@code sem_trywait} : vrai si pris, faux sur EAGAIN. */
    static boolean tryWait(Pointer sem, String what) {
        if (Native.libc().sem_trywait(sem) == 0) {
            return true;
        }
        int errno = Native.errno();
        if (Native.is(errno, Errno.EAGAIN)) {
            return false;
        }
        throw new PosixException("sem_trywait(" + what + ")", errno);
    }

    /** {@code sem_timedwait} jusqu'à l'échéance : vrai si pris, faux sur ETIMEDOUT. */
    static boolean timedWait(Pointer sem, Native.Timespec deadline, String what) {
        while (Native.libc().sem_timedwait(sem, deadline) == -1) {
            int errno = Native.errno();
            if (Native.is(errno, Errno.ETIMEDOUT)) {
                return false;
            }
            if (!Native.interrupted(errno)) {
                throw new PosixException("sem_timedwait(" + what + ", &abstime)", errno);
            }
        }
        return true;
    }

    /** L'échéance d'une attente bornée, calculée avant d'entrer dans le garde. */
    static Native.Timespec deadline(Duration timeout) {
        return Native.deadline(timeout);
    }

    static void post(Pointer sem, String what) {
        if (Native.libc().sem_post(sem) == -1) {
            throw PosixException.last("sem_post(" + what + ")");
        }
    }

    static int value(Pointer sem, String what) {
        Pointer out = Memory.allocate(Native.runtime(), 4);
        if (Native.libc().sem_getvalue(sem, out) == -1) {
            throw PosixException.last("sem_getvalue(" + what + ", &sval)");
        }
        return out.getInt(0);
    }
}
