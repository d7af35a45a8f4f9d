package fr.progsys.posix;

import java.nio.charset.StandardCharsets;

/**
 * Une projection en mémoire ({@code mmap}) d'un objet de mémoire partagée : la
 * zone d'adresses que {@code mmap} a rendue, vue comme un tableau d'octets
 * vérifié.
 *
 * <p>Chaque accès est contrôlé : position hors de la zone →
 * {@link IndexOutOfBoundsException} ; écriture dans une projection sans
 * PROT_WRITE, ou lecture sans PROT_READ → {@link IllegalStateException} ; accès
 * après {@link #unmap()} → {@link IllegalStateException}. Aucun de ces cas
 * n'atteint la mémoire : pas de SIGSEGV, pas de SIGBUS.
 *
 * <p>Les entiers sont dans l'ordre des octets de la machine (little-endian sur
 * x86_64), comme les lirait un programme C qui projette le même objet. Les
 * accès ne sont ni atomiques ni ordonnés entre processus : pour se partager
 * une donnée, il faut un sémaphore ({@link NamedSemaphore}, ou un sémaphore
 * anonyme placé dans la zone : {@link #initSemaphore}).
 */
public final class MappedMemory implements AutoCloseable {

    /** Alignement d'un {@code sem_t} (il contient des {@code long}). */
    private static final int SEM_ALIGN = 8;

    private final String objectName;
    /** La zone rendue par {@code mmap}, de {@code length} octets. */
    private final Binding.Region address;
    private final long offset;
    private final long length;
    private final int prot;
    private final int flags;
    private final Guard guard;
    /** La vue lève d'elle-même IllegalStateException après munmap (FFM). */
    private final boolean selfChecking;

    private MappedMemory(String objectName, Binding.Region address, long offset, long length,
            int prot, int flags) {
        this.objectName = objectName;
        this.address = address;
        this.offset = offset;
        this.length = length;
        this.prot = prot;
        this.flags = flags;
        this.selfChecking = address.refusesAccessAfterUnmap();
        this.guard = new Guard("projection de " + objectName, () -> {
            if (Binding.get().munmap(address) == -1) {
                throw PosixException.last("munmap(addr, " + length + ")");
            }
        });
    }

    static MappedMemory map(SharedMemory shm, long offset, long length, int prot, int flags) {
        Binding.Region p = Binding.get().mmap(length, prot, flags, shm.descriptor(), offset);
        if (p == null) { // MAP_FAILED
            throw PosixException.last("mmap(NULL, " + length + ", " + Mman.protToString(prot)
                    + ", " + Mman.flagsToString(flags) + ", " + shm.descriptor() + " ["
                    + shm.name() + "], " + offset + ")");
        }
        return new MappedMemory(shm.name(), p, offset, length, prot, flags);
    }

    /** La longueur projetée, en octets. */
    public long length() {
        return length;
    }

    /** Vrai si la projection est partagée (MAP_SHARED), faux si privée (MAP_PRIVATE). */
    public boolean isShared() {
        return flags == Mman.MAP_SHARED;
    }

    /** Vrai tant que {@link #unmap()} n'a pas été appelé. */
    public boolean isMapped() {
        return guard.isOpen();
    }

    /** Fin de la zone dans l'objet (position + longueur). */
    long end() {
        return offset + length;
    }

    // Chaque accès : droit (PROT_READ ou PROT_WRITE), zone encore projetée (voir
    // enter), puis l'accès lui-même, dont la vue native (ByteBuffer avec jnr,
    // MemorySegment avec FFM) vérifie les bornes : une seule vérification, dont
    // l'exception est traduite. L'IllegalStateException de la vue (FFM : munmap
    // depuis un autre thread pendant l'accès) devient celle du garde. Sans lambda ni
    // boîte (Integer, Long) sur ce chemin.

    public byte getByte(long at) {
        enter(Mman.PROT_READ);
        try {
            return address.getByte(at);
        } catch (IllegalStateException e) {
            throw guard.closed();
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(at, 1);
        } finally {
            exit();
        }
    }

    public void putByte(long at, byte value) {
        enter(Mman.PROT_WRITE);
        try {
            address.putByte(at, value);
        } catch (IllegalStateException e) {
            throw guard.closed();
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(at, 1);
        } finally {
            exit();
        }
    }

    public int getInt(long at) {
        enter(Mman.PROT_READ);
        try {
            return address.getInt(at);
        } catch (IllegalStateException e) {
            throw guard.closed();
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(at, 4);
        } finally {
            exit();
        }
    }

    public void putInt(long at, int value) {
        enter(Mman.PROT_WRITE);
        try {
            address.putInt(at, value);
        } catch (IllegalStateException e) {
            throw guard.closed();
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(at, 4);
        } finally {
            exit();
        }
    }

    public long getLong(long at) {
        enter(Mman.PROT_READ);
        try {
            return address.getLong(at);
        } catch (IllegalStateException e) {
            throw guard.closed();
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(at, 8);
        } finally {
            exit();
        }
    }

    public void putLong(long at, long value) {
        enter(Mman.PROT_WRITE);
        try {
            address.putLong(at, value);
        } catch (IllegalStateException e) {
            throw guard.closed();
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(at, 8);
        } finally {
            exit();
        }
    }

    /** Copie {@code dst.length} octets de la zone, à partir de {@code at}, dans {@code dst}. */
    public void getBytes(long at, byte[] dst) {
        enter(Mman.PROT_READ);
        try {
            address.get(at, dst, 0, dst.length);
        } catch (IllegalStateException e) {
            throw guard.closed();
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(at, dst.length);
        } finally {
            exit();
        }
    }

    /** Copie {@code src} dans la zone, à partir de {@code at}. */
    public void putBytes(long at, byte[] src) {
        enter(Mman.PROT_WRITE);
        try {
            address.put(at, src, 0, src.length);
        } catch (IllegalStateException e) {
            throw guard.closed();
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(at, src.length);
        } finally {
            exit();
        }
    }

    /**
     * Écrit une chaîne C : les octets UTF-8 de {@code text} suivis d'un NUL.
     *
     * @return le nombre d'octets écrits, NUL compris
     */
    public int putString(long at, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] c = new byte[utf8.length + 1];
        System.arraycopy(utf8, 0, c, 0, utf8.length);
        putBytes(at, c);
        return c.length;
    }

    /**
     * Lit une chaîne C à partir de {@code at} : jusqu'au premier NUL, ou jusqu'à
     * la fin de la zone s'il n'y en a pas.
     */
    public String getString(long at) {
        enter(Mman.PROT_READ);
        try {
            int n = 0;
            while (at + n < length && address.getByte(at + n) != 0) {
                n++;
            }
            byte[] bytes = new byte[n];
            address.get(at, bytes, 0, n);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IllegalStateException e) {
            throw guard.closed();
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(at, 0);
        } finally {
            exit();
        }
    }

    /**
     * {@code sem_init(addr + at, 1, value)} : crée un sémaphore anonyme
     * <em>partagé entre processus</em> ({@code pshared} ≠ 0) dans cette zone.
     * Un autre processus qui projette le même objet (MAP_SHARED) s'en sert par
     * {@link #semaphoreAt(long)}, sans le réinitialiser.
     *
     * <p>Le {@link UnnamedSemaphore#close()} de l'objet rendu fait
     * {@code sem_destroy} : à n'appeler que lorsque plus personne ne s'en sert.
     *
     * @param at position multiple de 8, avec 32 octets ({@code sizeof(sem_t)}) de place
     */
    public UnnamedSemaphore initSemaphore(long at, int value) {
        checkSemaphoreSlot(at);
        if (value < 0) {
            throw new IllegalArgumentException("valeur initiale négative : " + value);
        }
        return UnnamedSemaphore.inSharedMemory(this, address.address() + at, value, true);
    }

    /**
     * Le sémaphore anonyme déjà initialisé (par {@link #initSemaphore}, ici ou dans
     * un autre processus) à la position {@code at}. Son {@link UnnamedSemaphore#close()}
     * ne le détruit pas : il cesse seulement de s'en servir.
     */
    public UnnamedSemaphore semaphoreAt(long at) {
        checkSemaphoreSlot(at);
        return UnnamedSemaphore.inSharedMemory(this, address.address() + at, 0, false);
    }

    private void checkSemaphoreSlot(long at) {
        if (at % SEM_ALIGN != 0) {
            throw new IllegalArgumentException("un sem_t doit être aligné sur "
                    + SEM_ALIGN + " octets (position " + at + ")");
        }
        if (at < 0 || at > length - Binding.SIZEOF_SEM_T) {
            throw outOfBounds(at, Binding.SIZEOF_SEM_T);
        }
        enter(Mman.PROT_READ | Mman.PROT_WRITE);
        exit();
        if (!isShared()) {
            throw new IllegalStateException("un sémaphore partagé entre processus doit être"
                    + " dans une projection MAP_SHARED");
        }
    }

    /** Le garde de la projection : un sémaphore placé ici la maintient projetée. */
    Guard guard() {
        return guard;
    }

    /** {@code munmap(addr, length)} : retire la projection ; la zone n'est plus utilisable. */
    public void unmap() {
        guard.close();
    }

    /** Identique à {@link #unmap()}. */
    @Override
    public void close() {
        unmap();
    }

    @Override
    public String toString() {
        return "MappedMemory[" + objectName + ", " + length + " octets, "
                + Mman.protToString(prot) + ", " + Mman.flagsToString(flags)
                + (isMapped() ? "" : ", démappée") + "]";
    }

    /**
     * Vérifie le droit demandé, puis que la zone est encore projetée. Si la vue
     * refuse d'elle-même tout accès après munmap (FFM), lire l'état du garde
     * suffit : aucune opération atomique. Sinon (jnr), l'accès entre dans le
     * garde, qui diffère munmap jusqu'à sa fin.
     */
    private void enter(int need) {
        if ((prot & need) != need) {
            throw new IllegalStateException("projection " + Mman.protToString(prot)
                    + " : cet accès demande " + Mman.protToString(need)
                    + " (il donnerait SIGSEGV)");
        }
        if (!selfChecking) {
            guard.enter();
        } else if (!guard.isOpen()) {
            throw guard.closed();
        }
    }

    /** Fin d'un accès commencé par {@link #enter(int)}. */
    private void exit() {
        if (!selfChecking) {
            guard.exit();
        }
    }

    private IndexOutOfBoundsException outOfBounds(long at, long size) {
        return new IndexOutOfBoundsException("accès [" + at + ", " + (at + size)
                + ") hors de la projection de " + length + " octets");
    }
}
