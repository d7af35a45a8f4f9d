package fr.progsys.tp;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lance la boucle étudiante depuis Maven (exec:java, dans la JVM de Maven) :
 * démarre {@link Verificateur} dans une JVM à lui (drapeaux natifs, sortie
 * directe sur le terminal), attend sa fin et termine Maven avec son code :
 * 0 si toutes les exigences tiennent, 1 si l'une échoue, 2 pour un TP ou un
 * indice inconnu. Le verdict, en français, est le dernier mot : Maven
 * n'ajoute ni erreur ni trace.
 *
 * <p>Arguments : java.home, dossier du module (où la boucle tourne), drapeaux
 * JVM (séparés par des espaces), puis tp=…, indice=… (vide : aucun),
 * surveiller=… (false : non), transmis tels quels.
 */
public final class Lanceur {

    private Lanceur() {
    }

    public static void main(String[] args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(args[0], "bin", "java").toString());
        for (String option : args[2].trim().split("\\s+")) {
            if (!option.isEmpty()) {
                cmd.add(option);
            }
        }
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Xshare:auto");
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-Dstdout.encoding=UTF-8");
        cmd.add("-classpath");
        cmd.add(classPath());
        cmd.add(Verificateur.class.getName());
        for (int i = 3; i < args.length; i++) {
            cmd.add(args[i]);
        }
        Process p = new ProcessBuilder(cmd).directory(new File(args[1]))
                .inheritIO().start();
        Thread arret = new Thread(() -> {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }, "arrêt de la boucle");
        Runtime.getRuntime().addShutdownHook(arret);
        int code = p.waitFor();
        Runtime.getRuntime().removeShutdownHook(arret);
        System.out.flush();
        System.exit(code); // le code de la boucle devient celui de Maven
    }

    /** Le class path de test du module, tel qu'exec:java l'a chargé. */
    private static String classPath() throws URISyntaxException {
        List<String> chemins = new ArrayList<>();
        ClassLoader c = Lanceur.class.getClassLoader();
        if (c instanceof URLClassLoader u) {
            for (URL url : u.getURLs()) {
                chemins.add(Path.of(url.toURI()).toString());
            }
        }
        if (chemins.isEmpty()) {
            return System.getProperty("java.class.path");
        }
        return String.join(File.pathSeparator, chemins);
    }
}
