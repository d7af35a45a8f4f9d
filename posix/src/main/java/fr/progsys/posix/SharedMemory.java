package fr.progsys.posix;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Un objet de mémoire partagée POSIX ({@code shm_open}, {@code <sys/mman.h>}) :
 * un objet du noyau, désigné par un nom externe, que l'on manipule par un
 * descripteur de fichier ordinaire (un int).
 *
 * <p>Un objet neuf a une taille 0 : il faut le dimensionner par
 * {@link #truncate(long)} ({@code ftruncate}) avant de le projeter
 * ({@link #map}). Sous Linux l'objet vit dans le tmpfs {@code /dev/shm} et le
 * descripteur se lit et s'écrit comme un fichier ({@link #read},
 * {@link #write}) ; POSIX ne le garantit pas ailleurs.
 *
 * <p>Aucune entrée ne peut faire planter la JVM : projeter au-delà de la
 * taille de l'objet est refusé (l'accès donnerait SIGBUS), réduire l'objet sous
 * une projection encore active de ce processus aussi. Utiliser après
 * {@link #close()} lève {@link IllegalStateException} ; fermer deux fois est
 * sans effet. Les projections survivent à la fermeture du descripteur.
 *
 * <p>Limite : cette garde ne voit que ce processus. Si un <em>autre</em>
 * processus réduit l'objet ({@code ftruncate}) pendant que celui-ci le tient
 * projeté, lire ou écrire au-delà de la nouvelle taille est un accès à des
 * pages qui n'existent plus : le noyau envoie SIGBUS, comme à un programme C.
 * Les processus qui partagent un objet conviennent donc de sa taille et ne la
 * réduisent pas tant que les autres l'utilisent.
 */
public final class SharedMemory implements AutoCloseable {

    private static final String WHAT = "les objets de mémoire partagée POSIX";
    private static final int SEEK_SET = 0;

    private final String name;
    private final int fd;
    private final Guard guard;
    private final List<MappedMemory> mappings = new CopyOnWriteArrayList<>();

    private SharedMemory(String name, int fd) {
        this.name = name;
        this.fd = fd;
        this.guard = new Guard("mémoire partagée " + name, () -> {
            if (Binding.get().close(fd) == -1) {
                throw PosixException.last("close(" + fd + ")");
            }
        });
    }

    /**
     * {@code shm_open(name, oflag, mode)}.
     *
     * @param oflag O_RDONLY ou O_RDWR, éventuellement | O_CREAT, O_EXCL, O_TRUNC
     * @param mode droits en octal (utilisés seulement à la création), par exemple 0600
     */
    public static SharedMemory open(String name, int oflag, int mode) {
        Platform.requireLinux(WHAT);
        IpcName.check(name, false);
        Mode.check(mode);
        int fd = Binding.get().shmOpen(name, oflag, mode);
        if (fd == -1) {
            throw PosixException.last("shm_open(\"" + name + "\", " + OpenFlags.toString(oflag)
                    + ", " + Mode.toString(mode) + ")");
        }
        return new SharedMemory(name, fd);
    }

    /** {@code shm_open(name, oflag, 0)} : ouvre un objet existant. */
    public static SharedMemory open(String name, int oflag) {
        if ((oflag & OpenFlags.O_CREAT) != 0) {
            throw new IllegalArgumentException("avec O_CREAT, donner aussi le mode");
        }
        return open(name, oflag, 0);
    }

    /**
     * {@code shm_unlink(name)}, sans erreur si le nom n'existe pas (ENOENT).
     *
     * @return vrai si un nom a été retiré
     */
    public static boolean unlinkIfExists(String name) {
        return IpcName.unlinkIfExists(() -> unlink(name));
    }

    /** {@code shm_unlink(name)} : retire le nom ; descripteurs et projections restent valides. */
    public static void unlink(String name) {
        Platform.requireLinux(WHAT);
        IpcName.check(name, false);
        if (Binding.get().shmUnlink(name) == -1) {
            throw PosixException.last("shm_unlink(\"" + name + "\")");
        }
    }

    public String name() {
        return name;
    }

    /** Le descripteur de fichier rendu par {@code shm_open}. */
    public int descriptor() {
        return fd;
    }

    public boolean isOpen() {
        return guard.isOpen();
    }

    /**
     * {@code ftruncate(fd, size)} : fixe la taille de l'objet (les octets ajoutés
     * valent 0). Réduire l'objet sous une projection active de ce processus est
     * refusé : y accéder ensuite tuerait le processus par SIGBUS.
     */
    public void truncate(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("taille négative : " + size);
        }
        for (MappedMemory m : mappings) {
            if (m.isMapped() && m.end() > size) {
                throw new IllegalStateException("ftruncate(" + size + ") refusé : une"
                        + " projection active de ce processus va jusqu'à l'octet " + m.end()
                        + " (y accéder donnerait SIGBUS) ; faire munmap d'abord");
            }
        }
        guard.syscall(() -> Binding.get().ftruncate(fd, size),
                () -> "ftruncate(" + fd + " [" + name + "], " + size + ")");
    }

    /**
     * {@code fchmod(fd, mode)} : change les droits de l'objet (POSIX le prévoit
     * pour un descripteur de mémoire partagée).
     */
    public void fchmod(int mode) {
        Mode.check(mode);
        guard.syscall(() -> Binding.get().fchmod(fd, mode),
                () -> "fchmod(" + fd + " [" + name + "], " + Mode.toString(mode) + ")");
    }

    /**
     * {@code fchown(fd, uid, gid)} : change le propriétaire et le groupe de
     * l'objet (POSIX le prévoit aussi ; seul root peut donner l'objet à un autre).
     */
    public void fchown(int uid, int gid) {
        guard.syscall(() -> Binding.get().fchown(fd, uid, gid),
                () -> "fchown(" + fd + " [" + name + "], " + uid + ", " + gid + ")");
    }

    /** La taille de l'objet ({@code fstat}, champ {@code st_size}). */
    public long size() {
        return guard.syscall(() -> Binding.get().fstatSize(fd),
                () -> "fstat(" + fd + " [" + name + "], &st)");
    }

    /** {@code map(0, length, prot, flags)}. */
    public MappedMemory map(long length, int prot, int flags) {
        return map(0, length, prot, flags);
    }

    /**
     * {@code mmap(NULL, length, prot, flags, fd, offset)} : projette
     * {@code [offset, offset + length)} de l'objet dans la mémoire du processus.
     *
     * @param offset multiple de la taille d'une page (EINVAL sinon)
     * @param prot combinaison de {@link Mman#PROT_READ}, {@link Mman#PROT_WRITE}…
     * @param flags {@link Mman#MAP_SHARED} (écritures vues des autres processus)
     *        ou {@link Mman#MAP_PRIVATE} (copie privée)
     * @throws IllegalArgumentException si la zone dépasse la taille de l'objet
     */
    public MappedMemory map(long offset, long length, int prot, int flags) {
        if (length <= 0 || offset < 0) {
            throw new IllegalArgumentException("mmap : longueur " + length
                    + " et position " + offset + " (il faut longueur > 0, position ≥ 0)");
        }
        if (flags != Mman.MAP_SHARED && flags != Mman.MAP_PRIVATE) {
            throw new IllegalArgumentException("mmap : flags = MAP_SHARED ou MAP_PRIVATE");
        }
        if ((prot & ~(Mman.PROT_READ | Mman.PROT_WRITE | Mman.PROT_EXEC)) != 0) {
            throw new IllegalArgumentException("mmap : prot inconnu " + prot);
        }
        return guard.call(() -> {
            long size = size();
            if (offset > size || length > size - offset) {
                throw new IllegalArgumentException("mmap refusé : la zone [" + offset + ", "
                        + (offset + length) + ") dépasse la taille de l'objet " + name + " ("
                        + size + " octets ; ftruncate d'abord). Y accéder donnerait SIGBUS.");
            }
            MappedMemory m = MappedMemory.map(this, offset, length, prot, flags);
            mappings.removeIf(old -> !old.isMapped());
            mappings.add(m);
            return m;
        });
    }

    /**
     * {@code read(fd, buf, buf.length)} à la position courante du descripteur.
     *
     * @return le nombre d'octets lus, 0 à la fin de l'objet
     */
    public int read(byte[] buffer) {
        return (int) guard.syscall(() -> Binding.get().read(fd, buffer),
                () -> "read(" + fd + " [" + name + "], buf, " + buffer.length + ")");
    }

    /**
     * {@code write(fd, buf, buf.length)} à la position courante ; l'objet grandit
     * au besoin, comme un fichier.
     *
     * @return le nombre d'octets écrits
     */
    public int write(byte[] buffer) {
        return (int) guard.syscall(() -> Binding.get().write(fd, buffer),
                () -> "write(" + fd + " [" + name + "], buf, " + buffer.length + ")");
    }

    /** {@code lseek(fd, offset, SEEK_SET)} : place la position courante du descripteur. */
    public long seek(long offset) {
        return guard.syscall(() -> Binding.get().lseek(fd, offset, SEEK_SET),
                () -> "lseek(" + fd + " [" + name + "], " + offset + ", SEEK_SET)");
    }

    /** {@code close(fd)} : ferme le descripteur ; l'objet, son nom et les projections restent. */
    @Override
    public void close() {
        guard.close();
    }

    @Override
    public String toString() {
        return "SharedMemory[" + name + ", fd=" + fd + (isOpen() ? "" : ", fermée") + "]";
    }
}
