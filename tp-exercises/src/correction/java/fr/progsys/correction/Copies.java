package fr.progsys.correction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Les copies d'une promotion : un sous-dossier (ou une archive {@code .zip})
 * par étudiant, qui contient soit une copie de
 * {@code tp-exercises/src/main/java}, soit un clone entier du projet.
 */
final class Copies {

    /** Ce que le correcteur écrit lui-même dans le dossier de la promotion. */
    static final Set<String> RESERVES = Set.of("retours", "notes.csv", "notes.md");

    /** Au plus ce volume décompressé par archive (une bombe zip s'arrête là). */
    static final long MAX_ZIP = 200L * 1024 * 1024;
    static final int MAX_ENTREES = 20_000;

    private Copies() {
    }

    /**
     * Une copie : le nom de l'étudiant, le dossier qui contient
     * {@code fr/progsys/tp} (vide si introuvable) et, sinon, pourquoi.
     */
    record Copie(String nom, Path racine, Optional<Path> sources, String probleme) {
    }

    /** Les copies du dossier, par ordre alphabétique ; les archives décompressées sous {@code travail}. */
    static List<Copie> trouver(Path dossier, Path travail) throws IOException {
        List<Path> entrees;
        try (Stream<Path> s = Files.list(dossier)) {
            entrees = s.filter(p -> !RESERVES.contains(p.getFileName().toString()))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isDirectory(p) || estZip(p))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
        List<Copie> copies = new ArrayList<>();
        for (Path p : entrees) {
            String fichier = p.getFileName().toString();
            String nom = estZip(p) ? fichier.substring(0, fichier.length() - 4) : fichier;
            nom = nom.replaceAll("[^\\p{L}\\p{N}._-]", "_");
            String pris = nom;
            if (copies.stream().anyMatch(c -> c.nom().equals(pris))) {
                nom = nom + "-zip";
            }
            Path racine = p;
            if (estZip(p)) {
                racine = travail.resolve("archives").resolve(nom);
                try {
                    decompresser(p, racine);
                } catch (IOException e) {
                    copies.add(new Copie(nom, p, Optional.empty(),
                            "archive illisible : " + e.getMessage()));
                    continue;
                }
            }
            Optional<Path> sources = sources(racine);
            copies.add(new Copie(nom, racine, sources, sources.isPresent() ? ""
                    : "aucun dossier fr/progsys/tp trouvé (ni copie de"
                    + " tp-exercises/src/main/java, ni clone du projet)"));
        }
        return copies;
    }

    private static boolean estZip(Path p) {
        return Files.isRegularFile(p)
                && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    /**
     * Le dossier « src/main/java » de la copie : celui qui contient
     * {@code fr/progsys/tp}. Dans un clone, celui de tp-exercises (et jamais
     * ceux des solutions, du code fourni ou des tests).
     */
    static Optional<Path> sources(Path racine) throws IOException {
        List<Path> candidats;
        try (Stream<Path> s = Files.walk(racine, 8)) {
            candidats = s.filter(Files::isDirectory)
                    .filter(d -> d.endsWith(Path.of("fr", "progsys", "tp")))
                    .map(d -> d.getParent().getParent().getParent())
                    .filter(r -> !racine.relativize(r).toString().matches(
                            "(.*/)?(solutions|src/fourni|src/test|target)(/.*)?"))
                    .sorted(Comparator.comparingInt((Path r) -> r.endsWith(
                            Path.of("tp-exercises", "src", "main", "java")) ? 0 : 1)
                            .thenComparingInt(Path::getNameCount))
                    .toList();
        }
        return candidats.stream().findFirst();
    }

    /** Décompresse une archive sans jamais écrire hors de {@code cible}. */
    static void decompresser(Path zip, Path cible) throws IOException {
        Files.createDirectories(cible);
        Path base = cible.toRealPath();
        long total = 0;
        int entrees = 0;
        try (InputStream in = Files.newInputStream(zip);
                ZipInputStream z = new ZipInputStream(in)) {
            ZipEntry e;
            byte[] tampon = new byte[8192];
            while ((e = z.getNextEntry()) != null) {
                if (++entrees > MAX_ENTREES) {
                    throw new IOException("plus de " + MAX_ENTREES + " entrées");
                }
                Path dest = base.resolve(e.getName()).normalize();
                if (!dest.startsWith(base)) {
                    throw new IOException("chemin hors de l'archive : " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(dest);
                    continue;
                }
                Files.createDirectories(dest.getParent());
                try (var out = Files.newOutputStream(dest)) {
                    int n;
                    while ((n = z.read(tampon)) > 0) {
                        total += n;
                        if (total > MAX_ZIP) {
                            throw new IOException("plus de " + MAX_ZIP / 1024 / 1024
                                    + " Mo une fois décompressée");
                        }
                        out.write(tampon, 0, n);
                    }
                }
            }
        }
    }
}
