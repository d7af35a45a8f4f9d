package fr.progsys.tp;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import fr.progsys.testkit.IpcNames;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * Le mode surveillance de la boucle ({@code -Dtp=<tp> -Dsurveiller}) : il
 * sonde les fichiers du squelette (toutes les 300 ms : sonder marche aussi où
 * les événements de fichiers ne sont pas fiables, WSL2, dossiers réseau), et à
 * chaque enregistrement recompile le TP dans cette même JVM (javax.tools),
 * recharge ses classes dans un chargeur neuf et relance ses tests avec le
 * JUnit Platform Launcher, sans redémarrer Maven ni la JVM. Les TP à IPC
 * lancent toujours leurs processus enfants, qui voient les classes
 * recompilées. Entrée : « i » affiche l'indice suivant, « q » quitte.
 * Ctrl-C : les processus enfants et les objets IPC de la boucle sont
 * supprimés avant la sortie.
 */
final class Surveillance {

    static final long SONDAGE_MS = 300;

    private Surveillance() {
    }

    static int surveiller(PrintStream out, String tp) {
        Path sources = Path.of(System.getProperty("progsys.sources",
                "src/main/java")).resolve("fr/progsys/tp").resolve(tp);
        Path classesDeTest = Path.of(System.getProperty("progsys.classes.test",
                "target/test-classes"));
        Path classes = Path.of(System.getProperty("progsys.classes",
                "target/classes"));
        Path travail = Verificateur.NOTES.resolve("classes");
        if (!Files.isDirectory(sources)) {
            out.println("Sources du TP introuvables : " + sources.toAbsolutePath());
            return Verificateur.INCONNU;
        }
        String classPathDOrigine = System.getProperty("java.class.path");
        BlockingQueue<String> touches = new LinkedBlockingQueue<>();
        Thread clavier = new Thread(() -> lireClavier(touches), "clavier");
        clavier.setDaemon(true);
        clavier.start();

        Map<Path, String> vu = Map.of();
        int indiceMontre = 0;
        String dernierEcran = "";
        int tour = 0;
        while (true) {
            Map<Path, String> etat = etat(sources);
            if (!etat.equals(vu)) {
                vu = etat;
                tour++;
                long t0 = System.nanoTime();
                StringBuilder ecran = new StringBuilder();
                Path sortie = travail.resolve(String.valueOf(tour));
                String erreurs = compiler(sources, sortie, classPathDOrigine);
                double compilation = (System.nanoTime() - t0) / 1e9;
                Resultats r = null;
                if (erreurs == null) {
                    System.setProperty("java.class.path", sortie
                            + File.pathSeparator + classPathDOrigine);
                    try {
                        r = executer(tp, sortie, classesDeTest, classes);
                    } finally {
                        System.setProperty("java.class.path", classPathDOrigine);
                    }
                }
                supprimer(travail.resolve(String.valueOf(tour - 1)));
                double duree = (System.nanoTime() - t0) / 1e9;
                ecran.append("\033[H\033[2J");
                ecran.append("TP ").append(tp).append(" — surveillance de ")
                        .append(sources).append(" (« i » + Entrée : indice,"
                        + " « q » + Entrée ou Ctrl-C : quitter)\n\n");
                if (erreurs != null) {
                    ecran.append("  [ÉCHEC] le TP ne compile pas :\n").append(erreurs);
                } else {
                    ecran.append(tableau(r));
                }
                ecran.append(String.format(Locale.FRANCE,
                        "%nVérifié en %.1f s (compilation %.1f s, tests %.1f s ;"
                        + " tour %d).%n", duree, compilation, duree - compilation,
                        tour));
                if (r != null && r.tenues() == r.attentes().size()
                        && !r.attentes().isEmpty()) {
                    ecran.append("Bravo, le TP passe : comparez avec la solution"
                            + " (module solutions). -Dtp=bilan pour la suite.\n");
                } else {
                    ecran.append(Verificateur.prochainIndice(tp)).append('\n');
                }
                dernierEcran = ecran.toString();
                out.print(dernierEcran);
                out.flush();
                if (System.getProperty("progsys.surveiller.tours") != null
                        && tour >= Integer.getInteger("progsys.surveiller.tours")) {
                    return r != null && r.tenues() == r.attentes().size()
                            ? Verificateur.OK : Verificateur.ECHEC;
                }
            }
            String touche;
            try {
                touche = touches.poll(SONDAGE_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return Verificateur.ECHEC;
            }
            if (touche == null) {
                continue;
            }
            if (touche.equals("q")) {
                return Verificateur.OK;
            }
            if (touche.equals("i")) {
                List<Indices.Indice> liste = Indices.de(tp);
                if (!liste.isEmpty()) {
                    indiceMontre = indiceMontre % liste.size() + 1;
                    out.print(dernierEcran);
                    Verificateur.indice(out, tp, String.valueOf(indiceMontre));
                }
            }
        }
    }

    /** Le tableau [ok] / [ÉCHEC], avec la raison du premier échec seulement. */
    static String tableau(Resultats r) {
        StringBuilder b = new StringBuilder();
        boolean premier = true;
        for (Resultats.Attente a : r.attentes()) {
            b.append(Verificateur.ligneAttente(a, !a.tenue() && premier));
            if (!a.tenue()) {
                premier = false;
            }
        }
        b.append(String.format("%d exigence(s) sur %d tenue(s).%n", r.tenues(),
                r.attentes().size()));
        return b.toString();
    }

    /** Nom, taille et date de chaque fichier du TP : un changement relance. */
    static Map<Path, String> etat(Path sources) {
        Map<Path, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(sources)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                m.put(f, Files.size(f) + "/" + Files.getLastModifiedTime(f));
            }
        } catch (IOException e) {
            // fichier en cours d'enregistrement : on verra au prochain sondage
        }
        return m;
    }

    /** Compile les sources du TP dans sortie ; rend les erreurs, ou null. */
    static String compiler(Path sources, Path sortie, String classPath) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return "    pas de compilateur Java dans cette JVM (un JRE ?)\n";
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fichiers = javac.getStandardFileManager(
                diagnostics, Locale.FRANCE, StandardCharsets.UTF_8);
                Stream<Path> s = Files.walk(sources)) {
            Files.createDirectories(sortie);
            List<File> java = s.filter(p -> p.toString().endsWith(".java"))
                    .map(Path::toFile).toList();
            boolean ok = javac.getTask(null, fichiers, diagnostics, List.of(
                    "-d", sortie.toString(), "-cp", classPath, "-encoding", "UTF-8",
                    "-nowarn", "-proc:none"), null,
                    fichiers.getJavaFileObjectsFromFiles(java)).call();
            if (ok) {
                return null;
            }
        } catch (IOException e) {
            return "    " + e.getMessage() + "\n";
        }
        StringBuilder b = new StringBuilder();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                String fichier = d.getSource() == null ? "?"
                        : Path.of(d.getSource().toUri()).getFileName().toString();
                b.append("    ").append(fichier).append(':')
                        .append(d.getLineNumber()).append(" : ")
                        .append(d.getMessage(Locale.FRANCE).lines().findFirst()
                                .orElse("")).append('\n');
            }
        }
        return b.toString();
    }

    /**
     * Lance les tests du TP contre les classes recompilées : un chargeur neuf
     * charge en premier le paquetage du TP (classes recompilées, tests, code
     * fourni) et délègue le reste (JUnit, testkit, posix) à la JVM.
     */
    static Resultats executer(String tp, Path recompile, Path classesDeTest,
            Path classes) {
        String paquetage = "fr.progsys.tp." + tp + ".";
        URL[] urls;
        try {
            urls = new URL[] {recompile.toUri().toURL(),
                    classesDeTest.toUri().toURL(), classes.toUri().toURL()};
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        ClassLoader parent = Surveillance.class.getClassLoader();
        URLClassLoader chargeur = new URLClassLoader(urls, parent) {
            @Override
            protected Class<?> loadClass(String nom, boolean resoudre)
                    throws ClassNotFoundException {
                if (!nom.startsWith(paquetage)) {
                    return super.loadClass(nom, resoudre);
                }
                synchronized (getClassLoadingLock(nom)) {
                    Class<?> c = findLoadedClass(nom);
                    if (c == null) {
                        c = findClass(nom);
                    }
                    if (resoudre) {
                        resolveClass(c);
                    }
                    return c;
                }
            }
        };
        List<Class<?>> tests = new ArrayList<>();
        Path dossier = classesDeTest.resolve(paquetage.replace('.', '/'));
        try (Stream<Path> s = Files.list(dossier)) {
            for (Path f : s.sorted().toList()) {
                String n = f.getFileName().toString();
                if (n.endsWith("Test.class") && !n.contains("$")) {
                    tests.add(chargeur.loadClass(paquetage
                            + n.substring(0, n.length() - 6)));
                }
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        LauncherDiscoveryRequest requete = LauncherDiscoveryRequestBuilder.request()
                .selectors(tests.stream().map(c -> selectClass(c)).toList())
                .build();
        Thread moi = Thread.currentThread();
        ClassLoader avant = moi.getContextClassLoader();
        moi.setContextClassLoader(chargeur);
        try {
            return Resultats.executer(tp, requete);
        } finally {
            moi.setContextClassLoader(avant);
        }
    }

    private static void lireClavier(BlockingQueue<String> touches) {
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
                    StandardCharsets.UTF_8));
            String l;
            while ((l = in.readLine()) != null) {
                touches.add(l.strip().toLowerCase(Locale.ROOT));
            }
        } catch (IOException e) {
            // plus d'entrée : seules les sauvegardes relancent
        }
    }

    private static void supprimer(Path dossier) {
        if (!Files.exists(dossier)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dossier)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * À l'arrêt (Ctrl-C compris) : tue les processus enfants encore vivants et
     * supprime les objets IPC nommés par cette JVM (préfixe progsys-PID-).
     */
    static void nettoyer() {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        String prefixe = IpcNames.ownPrefix();
        for (Path dossier : List.of(Path.of("/dev/shm"), Path.of("/dev/mqueue"))) {
            try (Stream<Path> s = Files.list(dossier)) {
                for (Path p : s.toList()) {
                    if (p.getFileName().toString().contains(prefixe)) {
                        Files.deleteIfExists(p);
                    }
                }
            } catch (IOException e) {
                // dossier absent ou illisible : rien à nous
            }
        }
    }
}
