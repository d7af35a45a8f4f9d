package fr.progsys.posix;

import java.util.Locale;

import jnr.constants.platform.Errno;

/**
 * Un appel POSIX a rendu {@code -1} (ou {@code SEM_FAILED}) : l'exception porte
 * le nom de {@code errno} (EEXIST, EAGAIN…), le texte de {@code strerror}, et
 * l'appel avec ses arguments, tel qu'on l'écrirait en C.
 */
public class PosixException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int errno;
    private final String errnoName;
    private final String call;

    public PosixException(String call, int errno) {
        this(call, errno, nameOf(errno), Binding.get().strerror(errno));
    }

    private PosixException(String call, int errno, String name, String text) {
        super(call + " : " + name + " (" + text + ")");
        this.call = call;
        this.errno = errno;
        this.errnoName = name;
    }

    /** La valeur numérique de errno, par exemple 17. */
    public int errno() {
        return errno;
    }

    /** Le nom symbolique de errno, par exemple {@code "EEXIST"}. */
    public String errnoName() {
        return errnoName;
    }

    /** L'appel fautif et ses arguments, par exemple {@code mq_open("/x", O_RDONLY)}. */
    public String call() {
        return call;
    }

    /** Lève l'exception avec le errno courant du thread. */
    static PosixException last(String call) {
        return new PosixException(call, Binding.lastErrno());
    }

    static String nameOf(int errno) {
        Errno e = Errno.valueOf(errno);
        return e == null || e == Errno.__UNKNOWN_CONSTANT__
                ? "errno " + errno
                : e.name().toUpperCase(Locale.ROOT);
    }
}
