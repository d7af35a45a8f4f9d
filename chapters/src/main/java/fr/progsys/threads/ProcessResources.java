package fr.progsys.threads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import fr.progsys.Example;
import fr.progsys.posix.Unistd;

/**
 * Ce que possède un processus, vu de l'intérieur : son identité (PID, PPID),
 * son propriétaire (UID, GID), son répertoire de travail, sa table de
 * descripteurs de fichiers et ses gestionnaires de signaux. Tous ses threads
 * partagent ces ressources.
 */
@Example(name = "threads.resources", slides = {"T01"},
        value = "Les ressources d'un processus : PID, UID, répertoire, descripteurs")
public final class ProcessResources {

    /** Au-delà, une cible de descripteur est abrégée (la page a 80 colonnes). */
    static final int MAX_TARGET = 56;

    private ProcessResources() {
    }

    // tag::main[]
    public static void main(String[] args) throws IOException {
        System.out.printf("PID %d, PPID %d%n", Unistd.getpid(), Unistd.getppid());
        System.out.printf("propriétaire : UID %d, GID %d%n",
                Unistd.getuid(), Unistd.getgid());
        System.out.println("répertoire de travail : "
                + Path.of("").toAbsolutePath());
        // La table des descripteurs, telle que le noyau la montre :
        // /proc/self/fd contient un lien symbolique par descripteur ouvert.
        System.out.println("descripteurs ouverts :");
        for (String line : openFileDescriptors()) {
            System.out.println("  " + line);
        }
        // Les signaux pour lesquels la JVM a installé un gestionnaire.
        System.out.println("signaux interceptés (masque SigCgt) : "
                + caughtSignalsMask());
    }
    // end::main[]

    // tag::fds[]
    /**
     * Une ligne par descripteur, « 1 -> pipe:[123] », par numéro croissant ;
     * les archives .jar du class path, ouvertes par la JVM, sont comptées
     * sur une seule ligne.
     */
    static List<String> openFileDescriptors() throws IOException {
        Map<Integer, String> table = new TreeMap<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    table.put(Integer.valueOf(fd.getFileName().toString()),
                            Files.readSymbolicLink(fd).toString());
                } catch (IOException e) {
                    // fermé entre-temps (le descripteur du listage lui-même)
                }
            }
        }
        List<String> lines = new ArrayList<>();
        long jars = table.values().stream()
                .filter(target -> target.endsWith(".jar")).count();
        table.forEach((fd, target) -> {
            if (!target.endsWith(".jar")) {
                lines.add(fd + " -> " + shorten(target));
            }
        });
        lines.add("+ " + jars + " archives .jar du class path");
        return lines;
    }
    // end::fds[]

    static String shorten(String target) {
        if (target.length() <= MAX_TARGET) {
            return target;
        }
        return "…" + target.substring(target.length() - MAX_TARGET + 1);
    }

    /** Le masque hexadécimal « SigCgt » de /proc/self/status. */
    static String caughtSignalsMask() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("SigCgt:"))
                .map(l -> l.substring("SigCgt:".length()).strip())
                .findFirst().orElse("?");
    }
}
