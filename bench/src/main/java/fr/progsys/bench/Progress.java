package fr.progsys.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Ce que dit une longue mesure pendant qu'elle tourne : une ligne par mesure
 * (la partie, ce qui est mesuré, n/N, le temps écoulé, le temps qui reste
 * estimé), puis un bilan (chaque partie, sa durée, les fichiers écrits).
 *
 * <p>L'estimation est la plus simple qui soit : le temps moyen des mesures
 * déjà finies dans la partie, fois le nombre de celles qui restent ; elle
 * s'affine à chaque mesure. Les lignes vont sur la sortie standard, entre
 * les CSV affichés : sur une seule sortie, le journal du build les garde
 * dans l'ordre (deux sorties sont lues par deux threads, et se mêlent).
 */
public final class Progress {

    /** Une partie : ses bornes dans le temps, ses mesures, ses fichiers. */
    private static final class Part {
        final String name;
        final long start;
        long end = -1;
        int planned;
        int started;
        final List<Path> files = new ArrayList<>();

        Part(String name, long start) {
            this.name = name;
            this.start = start;
        }
    }

    private final PrintStream out;
    private final LongSupplier clock;
    private final long start;
    private final List<Part> parts = new ArrayList<>();
    /** Les fichiers écrits hors de toute partie (la description de la machine). */
    private final List<Path> otherFiles = new ArrayList<>();
    private Part current;

    public Progress(PrintStream out) {
        this(out, System::nanoTime);
    }

    /** {@code clock} en nanosecondes (une horloge réglée à la main dans les tests). */
    Progress(PrintStream out, LongSupplier clock) {
        this.out = out;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    /** Commence une partie (et termine la précédente). */
    public void part(String name) {
        end();
        current = new Part(name, clock.getAsLong());
        parts.add(current);
        out.printf("== %s (total écoulé %s)%n", name, duration(current.start - start));
    }

    /** Le nombre de mesures de la partie en cours, s'il est connu d'avance. */
    public void plan(int measurements) {
        current.planned = measurements;
    }

    /** Annonce la mesure suivante de la partie en cours. */
    public void next(String what) {
        long now = clock.getAsLong();
        int done = current.started;
        current.started++;
        long elapsed = now - current.start;
        String left = " ?"; // « reste ? » : espace insécable avant « ? »
        if (done > 0 && current.planned > 0) {
            left = " ≈ " + duration(elapsed / done * Math.max(0, current.planned - done));
        }
        out.printf("[%s %d/%s] %s — écoulé %s, reste%s%n", current.name, current.started,
                current.planned > 0 ? Integer.toString(current.planned) : "?", what,
                duration(elapsed), left);
    }

    /** Un fichier écrit, compté dans la partie en cours s'il y en a une. */
    public void wrote(Path file) {
        (current != null ? current.files : otherFiles).add(file);
    }

    /** Termine la partie en cours, s'il y en a une. */
    public void end() {
        if (current != null) {
            current.end = clock.getAsLong();
            out.printf("== %s terminé en %s%n", current.name,
                    duration(current.end - current.start));
            current = null;
        }
    }

    /** Le bilan : chaque partie, sa durée, ses fichiers encore présents. */
    public void summary() {
        end();
        out.printf("Bilan (%s en tout) :%n", duration(clock.getAsLong() - start));
        for (Part p : parts) {
            out.printf("  %-10s %9s  %s%n", p.name, duration(p.end - p.start),
                    names(p.files));
        }
        if (!names(otherFiles).isEmpty()) {
            out.printf("  %-10s %9s  %s%n", "machine", "", names(otherFiles));
        }
    }

    /** Les noms des fichiers qui existent encore (un CSV provisoire a pu partir). */
    private static String names(List<Path> files) {
        return String.join(" ", files.stream().filter(Files::exists)
                .map(f -> f.getFileName().toString()).distinct().toList());
    }

    /** {@code 42 s}, {@code 3 min 07 s}, {@code 1 h 02 min}. */
    static String duration(long nanos) {
        long s = Math.round(nanos / 1e9);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format("%d min %02d s", s / 60, s % 60);
        }
        return String.format("%d h %02d min", s / 3600, s % 3600 / 60);
    }
}
