package fr.progsys.correction;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compile un TP d'un étudiant, isolé des autres : ses sources du paquetage
 * {@code fr.progsys.tp.<tp>}, avec les sources des tests fournis de ce TP,
 * contre le code fourni ({@code src/fourni}, déjà compilé) et les classes de
 * test communes. Recompiler les tests contre sa copie attrape une signature
 * changée dès la compilation (plutôt qu'un {@code NoSuchMethodError} en
 * plein test) et les constantes recopiées par javac.
 */
final class Compilateur {

    /** Au plus ce nombre d'erreurs dans le retour de l'étudiant. */
    static final int MAX_ERREURS = 10;

    private Compilateur() {
    }

    /** Le verdict : compilé, ou les premières erreurs (vide si tout va bien). */
    record Verdict(boolean compile, String erreurs) {
    }

    /**
     * @param copie       le dossier {@code src/main/java} de l'étudiant
     * @param tests       le dossier des tests fournis ({@code src/test/java})
     * @param fourni      les sources du code fourni, pour écarter leurs doublons
     * @param classPath   code fourni compilé, classes de test communes, dépendances
     * @param sortie      où écrire les classes
     */
    static Verdict compiler(String tp, Path copie, Path tests, Path fourni,
            List<Path> classPath, Path sortie) throws IOException {
        Path paquet = Path.of("fr", "progsys", "tp", tp);
        Set<String> fournis = fichiers(fourni.resolve(paquet)).stream()
                .map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        // Un fichier du code fourni recopié dans la copie est ignoré : c'est
        // le code fourni de l'enseignant qui compte.
        List<Path> siens = fichiers(copie.resolve(paquet)).stream()
                .filter(p -> !(p.getParent().equals(copie.resolve(paquet))
                        && fournis.contains(p.getFileName().toString())))
                .toList();
        if (siens.isEmpty()) {
            return new Verdict(false, "TP absent de la copie : aucun fichier .java dans "
                    + paquet.toString().replace(File.separatorChar, '/') + "/");
        }
        List<Path> sources = new ArrayList<>(siens);
        sources.addAll(fichiers(tests.resolve(paquet)));
        Files.createDirectories(sortie);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("pas de compilateur Java dans cette JVM"
                    + " (un JRE au lieu d'un JDK ?)");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics,
                Locale.FRENCH, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", sortie.toString(),
                    "-classpath", classPath.stream().map(Path::toString)
                            .collect(Collectors.joining(File.pathSeparator)),
                    "-sourcepath", "", "-implicit:none", "-proc:none",
                    "-encoding", "UTF-8", "--release", "17", "-nowarn",
                    "-Xlint:none", "-Xmaxerrs", Integer.toString(MAX_ERREURS));
            StringWriter bavardage = new StringWriter();
            boolean ok = javac.getTask(bavardage, fm, diagnostics, options, null,
                    fm.getJavaFileObjectsFromPaths(sources)).call();
            StringBuilder erreurs = new StringBuilder();
            int n = 0;
            boolean dansLesTests = false;
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() != Diagnostic.Kind.ERROR || n >= MAX_ERREURS) {
                    continue;
                }
                n++;
                String ou = "?";
                if (d.getSource() != null) {
                    Path f = Path.of(d.getSource().toUri());
                    if (f.startsWith(tests)) {
                        dansLesTests = true;
                        ou = "<tests fournis>/" + tests.relativize(f);
                    } else {
                        ou = "<copie>/" + copie.relativize(f);
                    }
                }
                erreurs.append(ou).append(':').append(d.getLineNumber()).append(" : ")
                        .append(d.getMessage(Locale.FRENCH).strip()).append('\n');
            }
            if (ok) {
                return new Verdict(true, "");
            }
            String tete = dansLesTests
                    ? "ne compile pas : les tests fournis ne compilent pas contre"
                    + " votre code (classe, méthode ou signature changée ?)\n"
                    : "ne compile pas\n";
            if (n == 0) {
                erreurs.append(bavardage.toString().strip());
            }
            return new Verdict(false, tete + erreurs.toString().stripTrailing());
        }
    }

    static List<Path> fichiers(Path dossier) throws IOException {
        if (!Files.isDirectory(dossier)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dossier, 6)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".java"))
                    .sorted().toList();
        }
    }

    /** Compile le code fourni une fois pour toute la promotion. */
    static void compilerFourni(Path fourni, List<Path> classPath, Path sortie)
            throws IOException {
        List<Path> sources = fichiers(fourni);
        Files.createDirectories(sortie);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics,
                Locale.FRENCH, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(null, fm, diagnostics, List.of("-d",
                    sortie.toString(), "-classpath", classPath.stream()
                            .map(Path::toString)
                            .collect(Collectors.joining(File.pathSeparator)),
                    "-sourcepath", "", "-proc:none", "-encoding", "UTF-8",
                    "--release", "17", "-nowarn"), null,
                    fm.getJavaFileObjectsFromPaths(sources)).call();
            if (!ok) {
                throw new IllegalStateException("le code fourni ne compile pas : "
                        + diagnostics.getDiagnostics());
            }
        }
    }
}
