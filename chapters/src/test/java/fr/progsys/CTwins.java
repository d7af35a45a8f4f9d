package fr.progsys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.Snippets;
import fr.progsys.testkit.Tools;

/**
 * Les jumeaux C des exemples ({@code chapters/src/main/c/<chapitre>/…}) :
 * une seule façon de les trouver, de les compiler (gcc, test ignoré avec sa
 * raison sans gcc), de les lancer et d'écrire leur sortie pour le livre.
 */
public final class CTwins {

    private CTwins() {
    }

    /** Le source {@code src/main/c/<relative>}, par exemple {@code "ipc/mq_producer.c"}. */
    public static Path source(String relative) {
        return Path.of(System.getProperty("progsys.basedir", "."), "src/main/c", relative);
    }

    /** Compile {@code src/main/c/<relative>} dans {@code dir} ; saute le test sans gcc. */
    public static Path compile(String relative, Path dir) {
        Tools.require("gcc");
        String name = Path.of(relative).getFileName().toString().replace(".c", "");
        return Tools.gcc(source(relative), dir.resolve(name));
    }

    /**
     * Compile et lance le jumeau ({@code timeout} au plus), exige un code de
     * sortie nul et écrit sa sortie pour le livre sous {@code snippet},
     * précédée de la commande.
     */
    public static ChildJvm.Result runCaptured(String relative, Path dir,
            Duration timeout, String snippet) {
        Path exe = compile(relative, dir);
        ChildJvm.Result r = ChildJvm.run(timeout, List.of(exe.toString()));
        assertThat(r.exitCode()).as(r.console()).isZero();
        Snippets.write(snippet, "$ ./" + exe.getFileName() + "\n" + r.stdout());
        return r;
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
