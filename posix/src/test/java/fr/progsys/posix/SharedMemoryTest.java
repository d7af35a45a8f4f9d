package fr.progsys.posix;

import static fr.progsys.posix.Mman.MAP_PRIVATE;
import static fr.progsys.posix.Mman.MAP_SHARED;
import static fr.progsys.posix.Mman.PROT_READ;
import static fr.progsys.posix.Mman.PROT_WRITE;
import static fr.progsys.posix.OpenFlags.O_CREAT;
import static fr.progsys.posix.OpenFlags.O_EXCL;
import static fr.progsys.posix.OpenFlags.O_RDONLY;
import static fr.progsys.posix.OpenFlags.O_NONBLOCK;
import static fr.progsys.posix.OpenFlags.O_RDWR;
import static fr.progsys.posix.OpenFlags.O_WRONLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.progsys.testkit.IpcHygiene;
import fr.progsys.testkit.IpcNames;

@DisplayName("I09, I10, I11, I12 : SharedMemory et MappedMemory, shm_open, ftruncate, mmap (sys/mman.h)")
@ExtendWith(IpcHygiene.class)
class SharedMemoryTest {

    private String name;

    @BeforeAll
    static void linuxOnly() {
        PosixAssumptions.linux("la mémoire partagée POSIX");
    }

    @BeforeEach
    void freshName() {
        name = IpcNames.unique("shm");
    }

    @AfterEach
    void unlink() {
        SharedMemory.unlinkIfExists(name);
    }

    private SharedMemory create() {
        return SharedMemory.open(name, O_CREAT | O_EXCL | O_RDWR, 0600);
    }

    @Test
    @DisplayName("I09 (précision) : un objet neuf a une taille 0 ; ftruncate lui donne sa taille, remplie de zéros")
    void aNewObjectIsEmptyUntilFtruncate() {
        try (SharedMemory shm = create()) {
            assertThat(shm.size()).isZero();
            shm.truncate(4096);
            assertThat(shm.size()).isEqualTo(4096);
            try (MappedMemory m = shm.map(4096, PROT_READ, MAP_SHARED)) {
                assertThat(m.getLong(0)).isZero();
                assertThat(m.getLong(4088)).isZero();
            }
        }
    }

    @Test
    @DisplayName("I09, I12 : projeter au-delà de la taille de l'objet est refusé (sinon SIGBUS)")
    void mappingPastTheSizeIsRefused() {
        try (SharedMemory shm = create()) {
            assertThatThrownBy(() -> shm.map(4096, PROT_READ, MAP_SHARED))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ftruncate");
            shm.truncate(100);
            assertThatThrownBy(() -> shm.map(101, PROT_READ, MAP_SHARED))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> shm.map(0, PROT_READ, MAP_SHARED))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> shm.map(-1, 10, PROT_READ, MAP_SHARED))
                    .isInstanceOf(IllegalArgumentException.class);
            try (MappedMemory m = shm.map(100, PROT_READ | PROT_WRITE, MAP_SHARED)) {
                m.putByte(99, (byte) 7);
                assertThat(m.getByte(99)).isEqualTo((byte) 7);
            }
        }
    }

    @Test
    @DisplayName("I12 : la vue projetée vérifie ses bornes : aucun accès hors zone n'atteint la mémoire")
    void theViewIsBoundsChecked() {
        try (SharedMemory shm = create()) {
            shm.truncate(64);
            try (MappedMemory m = shm.map(64, PROT_READ | PROT_WRITE, MAP_SHARED)) {
                assertThatThrownBy(() -> m.getInt(61)).isInstanceOf(IndexOutOfBoundsException.class);
                assertThatThrownBy(() -> m.putLong(-1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
                assertThatThrownBy(() -> m.putBytes(60, new byte[5]))
                        .isInstanceOf(IndexOutOfBoundsException.class);
                assertThatThrownBy(() -> m.getLong(Long.MAX_VALUE))
                        .isInstanceOf(IndexOutOfBoundsException.class);
                // la vérification de la vue native (ByteBuffer, MemorySegment), traduite
                assertThatThrownBy(() -> m.getInt(61))
                        .hasMessage("accès [61, 65) hors de la projection de 64 octets");
                m.putInt(60, 42);
                assertThat(m.getInt(60)).isEqualTo(42);
            }
        }
    }

    @Test
    @DisplayName("I12 : entiers, octets et chaînes C se relisent ; deux projections MAP_SHARED se voient")
    void twoSharedMappingsSeeEachOther() {
        try (SharedMemory shm = create()) {
            shm.truncate(256);
            try (MappedMemory a = shm.map(256, PROT_READ | PROT_WRITE, MAP_SHARED);
                    MappedMemory b = shm.map(256, PROT_READ, MAP_SHARED)) {
                a.putInt(0, 0x01020304);
                a.putLong(8, -5L);
                int n = a.putString(16, "mémoire partagée");
                a.putBytes(128, new byte[] {1, 2, 3});
                assertThat(b.getInt(0)).isEqualTo(0x01020304);
                assertThat(b.getByte(0)).isEqualTo((byte) 4); // little-endian (x86_64)
                assertThat(b.getLong(8)).isEqualTo(-5L);
                assertThat(b.getString(16)).isEqualTo("mémoire partagée");
                assertThat(n).isEqualTo("mémoire partagée".getBytes(StandardCharsets.UTF_8).length + 1);
                byte[] three = new byte[3];
                b.getBytes(128, three);
                assertThat(three).containsExactly(1, 2, 3);
            }
        }
    }

    @Test
    @DisplayName("I12 : une projection MAP_PRIVATE garde ses écritures pour elle (copie sur écriture)")
    void privateMappingWritesStayPrivate() {
        try (SharedMemory shm = create()) {
            shm.truncate(4096);
            try (MappedMemory shared = shm.map(4096, PROT_READ | PROT_WRITE, MAP_SHARED);
                    MappedMemory priv = shm.map(4096, PROT_READ | PROT_WRITE, MAP_PRIVATE)) {
                shared.putInt(0, 1);
                assertThat(priv.getInt(0)).isEqualTo(1); // page pas encore copiée : on lit l'objet
                priv.putInt(0, 2);                        // copie privée de la page
                assertThat(shared.getInt(0)).isEqualTo(1);
                assertThat(priv.getInt(0)).isEqualTo(2);
                assertThat(priv.isShared()).isFalse();
            }
        }
    }

    @Test
    @DisplayName("I10 (précision) : read et write sur le descripteur voient les mêmes octets que la projection")
    void readAndWriteOnTheDescriptorSeeTheMapping() {
        try (SharedMemory shm = create()) {
            byte[] hello = "bonjour".getBytes(StandardCharsets.US_ASCII);
            assertThat(shm.write(hello)).isEqualTo(7); // comme un fichier : l'objet grandit
            assertThat(shm.size()).isEqualTo(7);
            try (MappedMemory m = shm.map(7, PROT_READ | PROT_WRITE, MAP_SHARED)) {
                assertThat(m.getString(0)).isEqualTo("bonjour");
                m.putByte(0, (byte) 'B');
            }
            assertThat(shm.seek(0)).isZero();
            byte[] back = new byte[16];
            assertThat(shm.read(back)).isEqualTo(7);
            assertThat(new String(back, 0, 7, StandardCharsets.US_ASCII)).isEqualTo("Bonjour");
            assertThat(shm.read(back)).isZero(); // fin de l'objet
        }
    }

    @Test
    @DisplayName("I09, I12 : une projection en lecture seule refuse l'écriture, sans SIGSEGV")
    void readOnlyMappingRefusesWrites() {
        try (SharedMemory shm = create()) {
            shm.truncate(16);
            try (MappedMemory m = shm.map(16, PROT_READ, MAP_SHARED)) {
                assertThatThrownBy(() -> m.putInt(0, 1))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("PROT_WRITE");
            }
            try (SharedMemory ro = SharedMemory.open(name, O_RDONLY)) {
                assertThatThrownBy(() -> ro.map(16, PROT_READ | PROT_WRITE, MAP_SHARED))
                        .isInstanceOfSatisfying(PosixException.class,
                                e -> assertThat(e.errnoName()).isEqualTo("EACCES"));
            }
        }
    }

    @Test
    @DisplayName("I12 : après munmap la vue est inutilisable (IllegalStateException) ; munmap deux fois ne fait rien")
    void anUnmappedViewIsUnusable() {
        try (SharedMemory shm = create()) {
            shm.truncate(16);
            MappedMemory m = shm.map(16, PROT_READ | PROT_WRITE, MAP_SHARED);
            m.unmap();
            m.unmap();
            assertThat(m.isMapped()).isFalse();
            assertThatThrownBy(() -> m.getInt(0)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> m.putString(0, "x")).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    @DisplayName("I12 : munmap pendant qu'un autre thread lit la vue : ce thread reçoit IllegalStateException, la JVM ne tombe pas")
    void unmappingWhileAnotherThreadReadsStopsItCleanly() throws Exception {
        try (SharedMemory shm = create()) {
            shm.truncate(4096);
            MappedMemory m = shm.map(4096, PROT_READ | PROT_WRITE, MAP_SHARED);
            java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CompletableFuture<Throwable> reader =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        byte[] page = new byte[4096];
                        try {
                            for (long i = 0; ; i++) {
                                m.getBytes(0, page);
                                m.getLong(8 * (i % 512));
                                reading.countDown();
                            }
                        } catch (RuntimeException e) {
                            return e;
                        }
                    });
            reading.await();
            m.unmap();
            assertThat(reader.get(10, java.util.concurrent.TimeUnit.SECONDS))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("déjà fermé");
        }
    }

    @Test
    @DisplayName("I09, I12 : réduire l'objet sous une projection active est refusé (l'accès donnerait SIGBUS)")
    void shrinkingUnderALiveMappingIsRefused() {
        try (SharedMemory shm = create()) {
            shm.truncate(8192);
            MappedMemory m = shm.map(8192, PROT_READ | PROT_WRITE, MAP_SHARED);
            assertThatThrownBy(() -> shm.truncate(4096)).isInstanceOf(IllegalStateException.class);
            shm.truncate(16384); // grandir ne gêne pas
            m.unmap();
            shm.truncate(0);
            assertThat(shm.size()).isZero();
        }
    }

    @Test
    @DisplayName("I11, I12 : après close du descripteur : IllegalStateException, mais la projection reste valable")
    void closingTheDescriptorKeepsTheMapping() {
        SharedMemory shm = create();
        shm.truncate(16);
        try (MappedMemory m = shm.map(16, PROT_READ | PROT_WRITE, MAP_SHARED)) {
            shm.close();
            shm.close();
            assertThatThrownBy(shm::size).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> shm.map(16, PROT_READ, MAP_SHARED))
                    .isInstanceOf(IllegalStateException.class);
            m.putInt(0, 5);
            assertThat(m.getInt(0)).isEqualTo(5);
        }
    }

    @Test
    @DisplayName("I11 : shm_unlink retire le nom (ENOENT) ; descripteur et projection restent valables")
    void unlinkRemovesTheNameOnly() {
        try (SharedMemory shm = create()) {
            shm.truncate(8);
            try (MappedMemory m = shm.map(8, PROT_READ | PROT_WRITE, MAP_SHARED)) {
                SharedMemory.unlink(name);
                assertThat(Path.of("/dev/shm", name.substring(1))).doesNotExist();
                assertThatThrownBy(() -> SharedMemory.open(name, O_RDWR))
                        .isInstanceOfSatisfying(PosixException.class,
                                e -> assertThat(e.errnoName()).isEqualTo("ENOENT"));
                m.putLong(0, 99);
                assertThat(m.getLong(0)).isEqualTo(99);
                assertThat(shm.size()).isEqualTo(8);
            }
        }
    }

    @Test
    @DisplayName("I01, I09 : l'objet vit dans /dev/shm avec le mode demandé ; O_EXCL sur un existant : EEXIST")
    void theObjectLivesInDevShmWithItsMode() throws Exception {
        try (SharedMemory shm = create()) {
            Path file = Path.of("/dev/shm", name.substring(1));
            assertThat(file).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            assertThatThrownBy(this::create).isInstanceOfSatisfying(PosixException.class,
                    e -> assertThat(e.errnoName()).isEqualTo("EEXIST"));
            assertThat(shm.descriptor()).isGreaterThan(2);
        }
    }

    @Test
    @DisplayName("I02, I09 : les mauvais noms : sans « / » refusé avant l'appel ; second « / » : EINVAL ; trop long : EINVAL ou ENAMETOOLONG selon la glibc")
    void badNamesAreRejected() {
        assertThatThrownBy(() -> SharedMemory.open("sans-barre", O_CREAT | O_RDWR, 0600))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("« / »");
        assertThatThrownBy(() -> SharedMemory.open(name + "/b", O_CREAT | O_RDWR, 0600))
                .isInstanceOfSatisfying(PosixException.class,
                        e -> assertThat(e.errnoName()).isEqualTo("EINVAL"));
        assertThatThrownBy(() -> SharedMemory.open(name + "x".repeat(300), O_CREAT | O_RDWR,
                0600)).isInstanceOfSatisfying(PosixException.class,
                        e -> assertThat(e.errnoName()).isIn("EINVAL", "ENAMETOOLONG"));
        assertThatThrownBy(() -> SharedMemory.open(name, O_CREAT | O_RDWR, 01777))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("I02, I09 : nom long : jusqu'à 253 caractères accepté ; au-delà de NAME_MAX EINVAL ou ENAMETOOLONG selon la glibc (version affichée)")
    void tooLongNamesGiveADocumentedErrno() {
        Map<Integer, String> seen = LongNames.observe(name,
                n -> SharedMemory.open(n, O_CREAT | O_EXCL | O_RDWR, 0600).close(),
                SharedMemory::unlink);
        System.out.println(LongNames.report("shm_open", seen));
        assertThat(List.of(seen.get(251), seen.get(253))).containsOnly("ok");
        seen.forEach((len, errno) -> {
            if (len > 255) {
                assertThat(errno).as("longueur " + len).isIn("EINVAL", "ENAMETOOLONG");
            }
        });
        if (Platform.libcRelease() >= 234) {
            // 254 et 255 : des noms valides (NAME_MAX = 255), refusés par les glibc 2.31 à 2.33
            assertThat(List.of(seen.get(254), seen.get(255))).containsOnly("ok");
            // 256 à 259 : le noyau refuse le fichier (ou la glibc ≥ 2.43 avant lui)
            assertThat(List.of(seen.get(256), seen.get(259))).containsOnly("ENAMETOOLONG");
        }
    }

    /** Les options d'état du descripteur (ligne « flags » de /proc/self/fdinfo, en octal). */
    private static int fdFlags(SharedMemory shm) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/fdinfo/" + shm.descriptor()))) {
            if (line.startsWith("flags:")) {
                return Integer.parseInt(line.substring("flags:".length()).trim(), 8);
            }
        }
        throw new AssertionError("pas de ligne flags");
    }

    @Test
    @DisplayName("I09 (précision) : shm_open prend O_RDONLY ou O_RDWR ; O_WRONLY donne sous Linux un descripteur en écriture seule que mmap refuse (EACCES), O_NONBLOCK est gardé sans effet")
    void writeOnlyAndNonBlockOnLinux() throws Exception {
        System.out.println("glibc " + Platform.libcVersion() + ", shm_open hors de POSIX :");
        try (SharedMemory w = SharedMemory.open(name, O_CREAT | O_EXCL | O_WRONLY, 0600)) {
            // Linux ne refuse pas O_WRONLY : la glibc le passe tel quel à open(2)
            assertThat(fdFlags(w) & 3).isEqualTo(O_WRONLY);
            w.truncate(4096); // ftruncate demande un descripteur ouvert en écriture : ok
            assertThatThrownBy(() -> w.map(4096, PROT_WRITE, MAP_SHARED))
                    .isInstanceOfSatisfying(PosixException.class, e -> {
                        System.out.println("  O_WRONLY : " + e.getMessage());
                        assertThat(e.errnoName()).isEqualTo("EACCES");
                    });
            assertThatThrownBy(() -> w.read(new byte[1]))
                    .isInstanceOfSatisfying(PosixException.class,
                            e -> assertThat(e.errnoName()).isEqualTo("EBADF"));
        }
        try (SharedMemory nb = SharedMemory.open(name, O_RDWR | O_NONBLOCK)) {
            int flags = fdFlags(nb);
            System.out.println("  O_NONBLOCK : accepté, flags = 0" + Integer.toOctalString(flags));
            assertThat(flags & O_NONBLOCK).isEqualTo(O_NONBLOCK);
            // sur un fichier du tmpfs, O_NONBLOCK ne change rien : mmap et read marchent
            try (MappedMemory m = nb.map(4096, PROT_READ | PROT_WRITE, MAP_SHARED)) {
                m.putInt(0, 7);
            }
            assertThat(nb.read(new byte[4])).isEqualTo(4);
        }
    }

    @Test
    @DisplayName("I09, I10 (précision) : POSIX prévoit aussi fchmod et fchown sur le descripteur ; fchmod change le mode du fichier de /dev/shm")
    void fchmodAndFchownWorkOnTheDescriptor() throws Exception {
        Path file = Path.of("/dev/shm", name.substring(1));
        try (SharedMemory shm = create()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            shm.fchmod(0640); // le umask ne s'applique pas à fchmod
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-r-----");
            shm.fchown(Unistd.getuid(), Unistd.getgid()); // à soi-même : toujours permis
            assertThat(Files.getAttribute(file, "unix:uid")).isEqualTo(Unistd.getuid());
            assertThatThrownBy(() -> shm.fchmod(01777)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
