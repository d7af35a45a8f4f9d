package fr.progsys.correction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import fr.progsys.testkit.IpcSweeper;

/**
 * Une exécution des tests d'un TP : un processus (et toute sa descendance)
 * avec un délai, une limite de mémoire et une limite de sortie ; tué en bloc
 * à la limite ; puis le ménage : processus échappés, objets IPC abandonnés
 * (le {@link IpcSweeper} du projet), fichiers de socket orphelins.
 */
final class Execution {

    /** Au-delà, la sortie de l'étudiant est jugée folle et l'exécution arrêtée. */
    static final long MAX_SORTIE = 8L * 1024 * 1024;

    private Execution() {
    }

    /** Comment l'exécution s'est terminée. */
    enum Fin {
        NORMALE, DELAI, SORTIE_TROP_LONGUE
    }

    record Issue(Fin fin, int code, Duration duree, List<String> menage) {
    }

    /**
     * Lance {@code commande} (déjà enveloppée par le bac à sable, s'il y en a
     * un), sortie et erreurs dans {@code sortie}, et attend au plus
     * {@code delai}. {@code marque} est une chaîne propre à cette exécution
     * (le chemin de son dossier), présente dans la ligne de commande de toute
     * JVM qu'elle lance : les processus échappés à l'arbre (double fork) qui
     * la portent encore sont tués aussi.
     */
    static Issue lancer(List<String> commande, Path dossier, Path sortie,
            Duration delai, String marque, boolean tmpPartage) throws IOException {
        long debut = System.nanoTime();
        // Sans bac à sable, /tmp est celui de la machine : on y cherche aussi
        // les sockets abandonnées (dans le bac à sable, /tmp meurt avec lui).
        List<Path> ouChercher = tmpPartage ? List.of(tmp(), dossier) : List.of(dossier);
        Set<Path> socketsAvant = sockets(ouChercher);
        Process p = new ProcessBuilder(commande).directory(dossier.toFile())
                .redirectErrorStream(true)
                .redirectOutput(sortie.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        Fin fin = Fin.NORMALE;
        long limite = debut + delai.toNanos();
        Set<ProcessHandle> vus = new HashSet<>();
        try {
            while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
                // Les descendants vus en route : un petit-fils dont le père est
                // mort est rattaché ailleurs, mais on le connaît encore.
                p.descendants().forEach(vus::add);
                if (System.nanoTime() > limite) {
                    fin = Fin.DELAI;
                    break;
                }
                if (Files.size(sortie) > MAX_SORTIE) {
                    fin = Fin.SORTIE_TROP_LONGUE;
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fin = Fin.DELAI;
        }
        List<String> menage = new ArrayList<>();
        tuer(p.toHandle(), vus, menage);
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int code = p.isAlive() ? -1 : p.exitValue();
        Duration duree = Duration.ofNanos(System.nanoTime() - debut);
        // Processus échappés (rattachés à init) qui portent la marque.
        ProcessHandle moi = ProcessHandle.current();
        ProcessHandle.allProcesses()
                .filter(h -> h.pid() != moi.pid())
                .filter(h -> h.info().commandLine().map(c -> c.contains(marque))
                        .orElse(false))
                .forEach(h -> {
                    menage.add("processus échappé tué : " + h.pid() + " "
                            + h.info().command().orElse("?"));
                    h.destroyForcibly();
                    attendreLaFin(h, menage);
                });
        IpcSweeper.sweep().forEach(o -> menage.add("objet IPC abandonné supprimé : " + o));
        for (Path s : sockets(ouChercher)) {
            if (!socketsAvant.contains(s) && !ecoute(s)) {
                try {
                    Files.deleteIfExists(s);
                    menage.add("fichier de socket abandonné supprimé : " + s);
                } catch (IOException e) {
                    // pas à nous
                }
            }
        }
        return new Issue(fin, code, duree, menage);
    }

    /** Tue l'arbre entier : les descendants d'abord, pour qu'aucun ne soit rattaché ailleurs. */
    static void tuer(ProcessHandle racine, Set<ProcessHandle> vus, List<String> menage) {
        // Deux passes : un processus peut forker pendant la première.
        for (int passe = 0; passe < 2; passe++) {
            racine.descendants().forEach(vus::add);
            for (ProcessHandle h : vus) {
                if (h.isAlive()) {
                    h.destroyForcibly();
                }
            }
        }
        racine.destroyForcibly();
        for (ProcessHandle h : vus) {
            attendreLaFin(h, menage);
        }
    }

    /**
     * Après SIGKILL, la fin n'est pas immédiate : le noyau doit encore
     * libérer le processus, ce qui peut prendre du temps sur une machine
     * chargée. On attend donc qu'il ait disparu (30 s au plus) avant de
     * rendre la main : la correction suivante ne le voit plus.
     */
    private static void attendreLaFin(ProcessHandle h, List<String> menage) {
        try {
            h.onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // délai dépassé : on le dit ci-dessous
        }
        if (h.isAlive()) {
            menage.add("processus " + h.pid() + " encore vivant après SIGKILL");
        }
    }

    private static Path tmp() {
        return Path.of(System.getProperty("java.io.tmpdir", "/tmp"));
    }

    /** Les fichiers de socket (S_IFSOCK) à au plus deux niveaux. */
    static Set<Path> sockets(List<Path> dossiers) {
        Set<Path> s = new HashSet<>();
        for (Path d : dossiers) {
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> w = Files.walk(d, 2)) {
                w.filter(Execution::estSocket).forEach(s::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                // répertoire qui bouge sous nos pieds : tant pis pour cette fois
            }
        }
        return s;
    }

    private static boolean estSocket(Path p) {
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode",
                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
            return (mode & 0170000) == 0140000;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Vrai si une socket vivante est liée à ce chemin ({@code /proc/net/unix}). */
    static boolean ecoute(Path socket) {
        try {
            Optional<String> l = Files.readAllLines(Path.of("/proc/net/unix")).stream()
                    .filter(x -> x.endsWith(" " + socket)).findFirst();
            return l.isPresent();
        } catch (IOException e) {
            return true; // dans le doute, on ne supprime pas
        }
    }
}
