package fr.progsys.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Un relevé de ce qu'un test pourrait laisser derrière lui : les objets IPC de
 * cette JVM (entrées {@code /dev/shm} — mémoires partagées et
 * {@code sem.*} des sémaphores nommés —, files de messages : listées dans
 * {@code /dev/mqueue} si ce système de fichiers est monté, sinon sondées par
 * {@code mq_open} sous chacun des noms fabriqués par {@link IpcNames}), ses
 * descripteurs et projections vers ces objets, et ses processus enfants.
 *
 * <p>Seuls les noms fabriqués par {@link IpcNames} dans cette JVM sont
 * regardés : les autres builds de la machine ne gênent pas.
 */
public final class IpcSnapshot {

    static final Path DEV_SHM = Path.of("/dev/shm");
    static final Path DEV_MQUEUE = Path.of("/dev/mqueue");

    private final Set<String> objects;
    private final Set<String> descriptors;
    private final Set<String> mappings;
    private final Set<Long> children;

    private IpcSnapshot(Set<String> objects, Set<String> descriptors, Set<String> mappings,
            Set<Long> children) {
        this.objects = objects;
        this.descriptors = descriptors;
        this.mappings = mappings;
        this.children = children;
    }

    /** Le relevé de maintenant. */
    public static IpcSnapshot take() {
        String mine = IpcNames.ownPrefix();
        Set<String> objects = new TreeSet<>();
        for (Path dir : List.of(DEV_SHM, DEV_MQUEUE)) {
            for (Path p : list(dir)) {
                String f = p.getFileName().toString();
                if (f.startsWith(mine) || f.startsWith("sem." + mine)) {
                    objects.add(p.toString());
                }
            }
        }
        if (!mqueueMounted() && MqProbe.available()) {
            // Sans /dev/mqueue, une file n'apparaît nulle part : on sonde
            // par mq_open chacun des noms que cette JVM a fabriqués.
            for (String name : IpcNames.issued()) {
                if (MqProbe.exists(name)) {
                    objects.add(DEV_MQUEUE + name);
                }
            }
        }
        Set<String> fds = new TreeSet<>();
        for (Path fd : list(Path.of("/proc/self/fd"))) {
            try {
                String target = Files.readSymbolicLink(fd).toString();
                if (target.contains(mine)) {
                    fds.add(fd.getFileName() + " -> " + target);
                }
            } catch (IOException e) {
                // descripteur fermé entre la liste et la lecture
            }
        }
        Set<String> maps = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                if (line.contains(mine)) {
                    maps.add(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<Long> kids = ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .map(ProcessHandle::pid).collect(Collectors.toCollection(TreeSet::new));
        return new IpcSnapshot(objects, fds, maps, kids);
    }

    /**
     * Ce qui est apparu depuis {@code before} et n'a pas disparu : une ligne
     * par fuite, vide s'il n'y en a pas. Un enfant encore vivant a quelques
     * secondes pour finir (le temps que la JVM le récolte).
     */
    public List<String> leaksSince(IpcSnapshot before) {
        List<String> leaks = new ArrayList<>();
        for (String o : objects) {
            if (!before.objects.contains(o)) {
                leaks.add("objet IPC non supprimé (unlink oublié) : " + o);
            }
        }
        for (String fd : descriptors) {
            if (!before.descriptors.contains(fd)) {
                leaks.add("descripteur resté ouvert (close oublié) : " + fd);
            }
        }
        for (String m : mappings) {
            if (!before.mappings.contains(m)) {
                leaks.add("projection restée en place (munmap ou sem_close oublié) : " + m);
            }
        }
        for (long pid : children) {
            if (!before.children.contains(pid) && stillAlive(pid)) {
                leaks.add("processus enfant encore vivant : " + pid);
            }
        }
        return leaks;
    }

    /**
     * Supprime les objets et tue les enfants apparus depuis {@code before}, pour
     * qu'une fuite n'en provoque pas d'autres dans les tests suivants.
     */
    public void cleanUpSince(IpcSnapshot before) {
        for (String o : objects) {
            if (!before.objects.contains(o)) {
                try {
                    if (o.startsWith(DEV_MQUEUE + "/") && !mqueueMounted()) {
                        MqProbe.unlink(o.substring(DEV_MQUEUE.toString().length()));
                    } else {
                        Files.deleteIfExists(Path.of(o)); // rm dans /dev/mqueue = mq_unlink
                    }
                } catch (IOException e) {
                    // au pire le balayeur le retrouvera
                }
            }
        }
        for (long pid : children) {
            if (!before.children.contains(pid)) {
                ProcessHandle.of(pid).ifPresent(p -> {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                });
            }
        }
    }

    /** Vrai si {@code /dev/mqueue} est monté (les files sont alors visibles). */
    public static boolean mqueueMounted() {
        try {
            return Files.readAllLines(Path.of("/proc/self/mounts")).stream()
                    .map(l -> l.split(" "))
                    .anyMatch(f -> f.length > 2 && f[1].equals("/dev/mqueue")
                            && f[2].equals("mqueue"));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean stillAlive(long pid) {
        return ProcessHandle.of(pid).map(p -> {
            try {
                p.onExit().get(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
                return false;
            } catch (Exception e) {
                return p.isAlive();
            }
        }).orElse(false);
    }

    static List<Path> list(Path dir) {
        List<Path> all = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return all;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            s.forEach(all::add);
        } catch (IOException e) {
            // répertoire illisible : rien à signaler
        }
        return all;
    }
}
