package fr.progsys.bench.ipc;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import fr.progsys.testkit.IpcNames;

/**
 * Le plancher d'un aller-retour entre deux processus : un mot de 32 bits dans
 * une page partagée, attendu activement, sans aucun appel système dans la
 * boucle. Ce qui reste est le trajet d'une ligne de cache d'un cœur à l'autre
 * (deux trajets par aller-retour) et le temps que met un cœur à voir
 * l'écriture de l'autre.
 *
 * <p>Les messages alternent strictement : un seul mot sert aux deux sens, et
 * chaque message l'augmente de 1. Le mot est le message : aucun octet de
 * charge ne voyage, {@code send} et {@code receive} ignorent le contenu du
 * tampon. Un envoi ne peut donc pas en suivre un autre sans réponse : pas de
 * mesure de débit pour ce transport.
 *
 * <p>La page est un fichier de {@code /dev/shm} projeté par
 * {@link FileChannel#map} : c'est exactement ce que fait {@code shm_open} de
 * la glibc (un {@code open} dans ce tmpfs) avant {@code mmap(MAP_SHARED)}.
 */
final class SpinWord implements Link {

    /**
     * Accès atomiques au mot, dans l'ordre natif des octets (celui du jumeau
     * C) : {@code setRelease} publie, {@code getAcquire} lit, comme
     * {@code atomic_store_explicit(…, memory_order_release)} et
     * {@code atomic_load_explicit(…, memory_order_acquire)} en C.
     */
    private static final VarHandle WORD = MethodHandles.byteBufferViewVarHandle(int[].class,
            ByteOrder.nativeOrder());

    /** Une page : le mot au début, seul sur sa ligne de cache. */
    private static final int PAGE = 4096;

    /** Sans réponse pendant ce temps, l'autre processus est mort ou bloqué. */
    private static final long SILENCE_NS = 10_000_000_000L;

    private final MappedByteBuffer page;
    private final Path toDelete;
    /** La dernière valeur écrite ou lue ici. */
    private int seen;

    private SpinWord(MappedByteBuffer page, Path toDelete) {
        this.page = page;
        this.toDelete = toDelete;
    }

    /** Le fichier de {@code /dev/shm} d'un nom IPC ({@code /progsys-…}). */
    private static Path file(String ipcName) {
        return Path.of("/dev/shm", ipcName.substring(1));
    }

    private static MappedByteBuffer map(Path file, boolean create) throws IOException {
        Set<StandardOpenOption> options = create
                ? EnumSet.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
                        StandardOpenOption.CREATE_NEW)
                : EnumSet.of(StandardOpenOption.READ, StandardOpenOption.WRITE);
        // rw------- : les droits 0600 du shm_open du jumeau C.
        try (FileChannel ch = FileChannel.open(file, options,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                        "rw-------")))) {
            // Le fichier s'allonge jusqu'à la page ; la projection survit à la
            // fermeture du descripteur, comme en C.
            return ch.map(FileChannel.MapMode.READ_WRITE, 0, PAGE);
        }
    }

    static Endpoint prepare() throws IOException {
        String name = IpcNames.unique("bench-spin");
        Path file = file(name);
        MappedByteBuffer page = map(file, true);
        return new Endpoint() {
            @Override
            public List<String> address() {
                return List.of(name);
            }

            @Override
            public Link accept() {
                return new SpinWord(page, file);
            }
        };
    }

    static Link join(String name) throws IOException {
        return new SpinWord(map(file(name), false), null);
    }

    @Override
    public void send(ByteBuffer message) {
        WORD.setRelease(page, 0, ++seen);
    }

    @Override
    public void receive(ByteBuffer message) throws IOException {
        int expected = seen + 1;
        long since = 0;
        // Aucun appel système : le cœur relit le mot dans son cache jusqu'à ce
        // que l'écriture de l'autre cœur invalide la ligne et l'y ramène.
        for (long spins = 1; (int) WORD.getAcquire(page, 0) != expected; spins++) {
            // PAUSE sur x86 (HotSpot en fait une instruction), comme spin_hint()
            // du jumeau C.
            Thread.onSpinWait();
            if ((spins & ((1L << 24) - 1)) == 0) { // rarement : lire l'horloge
                long now = System.nanoTime();
                if (since == 0) {
                    since = now;
                } else if (now - since > SILENCE_NS) {
                    throw new IOException("spin : l'autre processus ne répond plus");
                }
            }
        }
        seen = expected;
    }

    @Override
    public void close() throws IOException {
        // Pas de munmap explicite en Java : la projection part avec le
        // tampon (ramasse-miettes) ou avec le processus. Le nom, lui, doit
        // partir tout de suite : c'est le shm_unlink du jumeau C.
        if (toDelete != null) {
            Files.deleteIfExists(toDelete);
        }
    }
}
