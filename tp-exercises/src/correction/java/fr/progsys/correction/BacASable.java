package fr.progsys.correction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Le bac à sable {@code bwrap} (bubblewrap) d'une exécution : tout le système
 * en lecture seule, un réseau réduit à la boucle locale, des {@code /tmp},
 * {@code /dev/shm} et {@code /dev/mqueue} neufs (un espace de noms IPC à
 * lui), son propre espace de PID, la promotion et le dossier de travail
 * masqués sauf la copie de l'étudiant (lecture seule) et le dossier de
 * l'exécution (écriture).
 *
 * <p>À la fin de l'exécution, le noyau détruit l'espace de noms IPC — files
 * de messages comprises — et les tmpfs : rien de ce que l'étudiant a créé
 * n'y survit. La mort du premier processus de l'espace de PID tue tous les
 * autres.
 */
final class BacASable {

    /** Taille de chacun des tmpfs privés. */
    static final String TAILLE_TMPFS = Long.toString(256L * 1024 * 1024);

    private final Path bwrap;

    private BacASable(Path bwrap) {
        this.bwrap = bwrap;
    }

    /**
     * Le bac à sable, si {@code bwrap} est installé et fonctionne ici (il
     * peut être présent mais interdit, par exemple dans un conteneur sans
     * espaces de noms).
     */
    static Optional<BacASable> detecter() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin")
                .split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "bwrap");
            if (Files.isExecutable(p)) {
                BacASable b = new BacASable(p);
                return b.fonctionne() ? Optional.of(b) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private boolean fonctionne() {
        try {
            Path vide = Files.createTempDirectory("correction-essai");
            try {
                List<String> cmd = envelopper(List.of("/bin/true"), List.of(),
                        List.of(), vide);
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return false;
                }
                return p.exitValue() == 0;
            } finally {
                Files.deleteIfExists(vide);
            }
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * La commande {@code commande} enveloppée.
     *
     * @param masques   dossiers cachés (remplacés par un tmpfs vide)
     * @param lecture   dossiers remontés en lecture seule par-dessus les masques
     * @param ecriture  le dossier de l'exécution, seul accessible en écriture
     */
    List<String> envelopper(List<String> commande, List<Path> masques,
            List<Path> lecture, Path ecriture) {
        List<String> c = new ArrayList<>(List.of(bwrap.toString(),
                "--die-with-parent", "--new-session",
                "--unshare-net", "--unshare-ipc", "--unshare-pid", "--unshare-uts",
                "--hostname", "correction",
                "--ro-bind", "/", "/",
                "--dev", "/dev",
                "--proc", "/proc",
                "--size", TAILLE_TMPFS, "--tmpfs", "/tmp",
                "--size", TAILLE_TMPFS, "--tmpfs", "/dev/shm",
                "--mqueue", "/dev/mqueue"));
        // Le JDK et le class path peuvent se trouver sous /tmp (un clone du
        // projet dans /tmp, par exemple en intégration continue) : le tmpfs
        // privé les cacherait et la JVM des tests ne démarrerait pas. On les
        // remonte en lecture seule par-dessus, avant les masques.
        for (Path p : sousTmp(commande)) {
            c.add("--ro-bind");
            c.add(p.toString());
            c.add(p.toString());
        }
        masques.stream().sorted(Comparator.comparingInt(Path::getNameCount))
                .forEach(m -> {
                    c.add("--tmpfs");
                    c.add(m.toString());
                });
        for (Path l : lecture) {
            c.add("--ro-bind");
            c.add(l.toString());
            c.add(l.toString());
        }
        c.addAll(List.of("--bind", ecriture.toString(), ecriture.toString(),
                "--chdir", ecriture.toString(),
                "--setenv", "HOME", ecriture.toString(),
                "--setenv", "TMPDIR", "/tmp",
                "--"));
        c.addAll(commande);
        return c;
    }

    /** Les chemins de la commande (exécutable, class path) situés sous /tmp ou /dev/shm. */
    static List<Path> sousTmp(List<String> commande) {
        List<Path> chemins = new ArrayList<>();
        for (int i = 0; i < commande.size(); i++) {
            String arg = commande.get(i);
            List<String> morceaux = new ArrayList<>();
            if (i == 0) {
                morceaux.add(arg);
            } else if (commande.get(i - 1).equals("-cp")
                    || commande.get(i - 1).equals("-classpath")) {
                morceaux.addAll(List.of(arg.split(java.io.File.pathSeparator)));
            }
            for (String m : morceaux) {
                Path p = Path.of(m).toAbsolutePath().normalize();
                if ((p.startsWith("/tmp") || p.startsWith("/dev/shm"))
                        && java.nio.file.Files.exists(p) && !chemins.contains(p)) {
                    chemins.add(i == 0 ? p.getParent().getParent() : p);
                }
            }
        }
        return chemins;
    }

    @Override
    public String toString() {
        return bwrap.toString();
    }
}
