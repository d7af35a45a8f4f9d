package fr.progsys.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import fr.progsys.testkit.ChildJvm;

/** Lance les processus des mesures : JVM neuves ou programmes C, toujours bornés dans le temps. */
public final class Processus {

    private Processus() {
    }

    /**
     * {@code java} avec le class path et les drapeaux natifs de cette JVM, puis
     * la classe : le constructeur unique du projet ({@link ChildJvm}), dans sa
     * variante de mesure (JIT complet).
     */
    public static List<String> java(List<String> optionsJvm, Class<?> principale,
            String... args) {
        return ChildJvm.measurementCommand(principale, optionsJvm, args);
    }

    /** Démarre la commande ; stderr passe sur la console du build. */
    public static Process demarrer(List<String> commande) {
        try {
            return new ProcessBuilder(commande)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException("impossible de lancer " + commande, e);
        }
    }

    /** Lance, attend la fin (au plus {@code secondes}), rend les lignes de stdout. */
    public static List<String> executer(List<String> commande, long secondes) {
        Process p = demarrer(commande);
        List<String> lignes = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            Thread lecteur = new Thread(() -> {
                try {
                    for (String l; (l = in.readLine()) != null; ) {
                        synchronized (lignes) {
                            lignes.add(l);
                        }
                    }
                } catch (IOException e) {
                    // flux fermé : le processus est fini ou détruit
                }
            });
            lecteur.start();
            if (!p.waitFor(secondes, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IllegalStateException("trop long (> " + secondes + " s) : " + commande);
            }
            lecteur.join(TimeUnit.SECONDS.toMillis(5));
            if (p.exitValue() != 0) {
                throw new IllegalStateException("code " + p.exitValue() + " : " + commande);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("interrompu", e);
        }
        synchronized (lignes) {
            return List.copyOf(lignes);
        }
    }
}
