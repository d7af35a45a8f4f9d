package fr.progsys.sockets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.Tools;

/**
 * Les jumeaux C du chapitre sockets ({@code src/main/c/sockets}) : ce que
 * disent les en-têtes de la glibc et ce que répond le noyau, sans passer par
 * le JDK.
 */
public final class CTwins {

    private CTwins() {
    }

    /** Compile {@code cFile} dans {@code dir} ; saute le test sans gcc. */
    public static Path compile(String cFile, Path dir) {
        Tools.require("gcc");
        Path source = Path.of(System.getProperty("progsys.basedir", "."),
                "src/main/c/sockets", cFile);
        return Tools.gcc(source,
                dir.resolve(cFile.replace(".c", "")));
    }

    /** Lance {@code command} (30 s au plus) ; rend son résultat. */
    public static ChildJvm.Result run(List<String> command) {
        return ChildJvm.run(Duration.ofSeconds(30), command);
    }

    /** Lance l'exécutable et exige un code de sortie nul. */
    public static ChildJvm.Result runOk(Path exe, String... args) {
        List<String> command = new ArrayList<>(List.of(exe.toString()));
        command.addAll(List.of(args));
        ChildJvm.Result r = run(command);
        assertThat(r.exitCode()).as(r.console()).isZero();
        return r;
    }

    /** Les lignes « clé=valeur » d'une sortie. */
    public static Map<String, String> keyValues(String stdout) {
        Map<String, String> map = new LinkedHashMap<>();
        stdout.lines().filter(l -> l.contains("=")).forEach(l -> {
            String[] kv = l.split("=", 2);
            map.put(kv[0], kv[1]);
        });
        return map;
    }
}
