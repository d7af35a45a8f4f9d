package fr.progsys.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.Tools;

@DisplayName("I03, I05, I09, I12, T17 : la liaison Java suit le C, struct mq_attr, sem_t et constantes, vérifiés avec gcc")
class NativeLayoutTest {

    @TempDir
    static Path dir;

    static Map<String, Long> c;

    @BeforeAll
    static void compileAndRunTheCProgram() {
        PosixAssumptions.linux("les en-têtes POSIX");
        assumeTrue(Tools.has("gcc"), "gcc absent : la disposition C n'est pas vérifiée");
        Path exe = Tools.gcc(Path.of(System.getProperty("progsys.basedir", "."),
                "src/test/c/layout.c"), dir.resolve("layout"));
        ChildJvm.Result run = ChildJvm.run(Duration.ofSeconds(20), List.of(exe.toString()));
        assertThat(run.exitCode()).isZero();
        c = run.stdout().lines().map(l -> l.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> Long.parseLong(kv[1])));
    }

    @Test
    @DisplayName("I03, I05 (précision) : struct mq_attr (et non mqattr) : même taille et mêmes positions de champs qu'en C")
    void mqAttrLayoutMatchesC() {
        Native.MqAttr attr = new Native.MqAttr(Native.runtime());
        assertThat((long) jnr.ffi.Struct.size(attr)).isEqualTo(c.get("sizeof(struct mq_attr)"));
        assertThat(attr.mq_flags.offset()).isEqualTo(c.get("offsetof(mq_flags)"));
        assertThat(attr.mq_maxmsg.offset()).isEqualTo(c.get("offsetof(mq_maxmsg)"));
        assertThat(attr.mq_msgsize.offset()).isEqualTo(c.get("offsetof(mq_msgsize)"));
        assertThat(attr.mq_curmsgs.offset()).isEqualTo(c.get("offsetof(mq_curmsgs)"));
        assertThat((long) jnr.ffi.Struct.size(new Native.Timespec(Native.runtime())))
                .isEqualTo(c.get("sizeof(struct timespec)"));
    }

    @Test
    @DisplayName("T17, I14 : sem_t : la taille réservée par la liaison est celle du C, l'alignement tient dans 8")
    void semTSizeMatchesC() {
        assertThat((long) Native.SIZEOF_SEM_T).isEqualTo(c.get("sizeof(sem_t)"));
        assertThat(8 % c.get("_Alignof(sem_t)")).isZero();
    }

    @Test
    @DisplayName("I04, I06, I09, I12 : les constantes O_*, PROT_*, MAP_* et MQ_PRIO_MAX ont les valeurs du C")
    void constantsMatchC() {
        assertThat(Map.of("O_RDONLY", (long) OpenFlags.O_RDONLY, "O_WRONLY",
                (long) OpenFlags.O_WRONLY, "O_RDWR", (long) OpenFlags.O_RDWR, "O_CREAT",
                (long) OpenFlags.O_CREAT, "O_EXCL", (long) OpenFlags.O_EXCL, "O_NONBLOCK",
                (long) OpenFlags.O_NONBLOCK, "O_TRUNC", (long) OpenFlags.O_TRUNC))
                .allSatisfy((k, v) -> assertThat(v).as(k).isEqualTo(c.get(k)));
        assertThat(Map.of("PROT_NONE", (long) Mman.PROT_NONE, "PROT_READ",
                (long) Mman.PROT_READ, "PROT_WRITE", (long) Mman.PROT_WRITE, "PROT_EXEC",
                (long) Mman.PROT_EXEC, "MAP_SHARED", (long) Mman.MAP_SHARED, "MAP_PRIVATE",
                (long) Mman.MAP_PRIVATE))
                .allSatisfy((k, v) -> assertThat(v).as(k).isEqualTo(c.get(k)));
        assertThat((long) MessageQueue.priorityMax())
                .isEqualTo(c.get("sysconf(_SC_MQ_PRIO_MAX)"));
    }
}
