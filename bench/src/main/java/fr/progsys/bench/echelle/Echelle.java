package fr.progsys.bench.echelle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import fr.progsys.bench.Processus;

/**
 * La leçon de TCP à l'échelle : les {@link ServeurEcho} sous N clients
 * simultanés ({@link ChargeClients}), chacun dans sa JVM. Les deux JVM sont
 * lancées par un shell qui monte d'abord la limite douce de descripteurs
 * (RLIMIT_NOFILE) jusqu'à la limite dure : chaque connexion coûte un
 * descripteur au client et un au serveur.
 */
public final class Echelle {

    /** Les serveurs mesurés : les threads virtuels seulement sur un JDK 21 ou plus. */
    static final List<String> SERVEURS = ServeurEcho.threadsVirtuels()
            ? List.of("threads", "pool", "selector", "virtuels")
            : List.of("threads", "pool", "selector");
    static final List<String> JVM = List.of("-Xms64m", "-Xmx512m");

    private Echelle() {
    }

    /** Lignes CSV : serveur, clients, débit, latences, threads, mémoire. */
    public static List<String> mesurer(boolean rapide) throws IOException, InterruptedException {
        long limite = limiteDureFichiers();
        List<Integer> tailles = new ArrayList<>(rapide ? List.of(50, 200) : List.of(100, 1000));
        int plusGrand = (int) Math.min(10_000, (limite - 200) / 500 * 500);
        if (!rapide && plusGrand > 1000) {
            tailles.add(plusGrand);
        }
        List<String> lignes = new ArrayList<>();
        lignes.add("serveur,clients,allers_retours_s,mediane_ms,p99_ms,threads,rss_mio,complet");
        for (int n : tailles) {
            int r = rapide ? 5 : Math.max(10, 50_000 / n);
            for (String serveur : SERVEURS) {
                lignes.add(serveur + "," + n + "," + uneMesure(serveur, n, r).replace(';', ','));
            }
        }
        return lignes;
    }

    static String uneMesure(String serveur, int n, int r)
            throws IOException, InterruptedException {
        Process p = Processus.demarrer(sousLimite(
                Processus.java(JVM, ServeurEcho.class, serveur)));
        try (BufferedReader sortie = new BufferedReader(
                new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String port = sortie.readLine();
            if (port == null) {
                throw new IllegalStateException("le serveur " + serveur + " n'a pas démarré");
            }
            return Processus.executer(sousLimite(Processus.java(JVM, ChargeClients.class,
                    port, Long.toString(p.pid()), Integer.toString(n), Integer.toString(r))),
                    150).get(0);
        } finally {
            p.getOutputStream().close(); // fin de l'entrée standard : le serveur s'arrête
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    /** {@code sh -c 'ulimit -n <dure>; exec java …'} : exec garde le même PID. */
    private static List<String> sousLimite(List<String> commande) {
        List<String> cmd = new ArrayList<>(List.of("sh", "-c",
                "ulimit -n \"$(ulimit -Hn)\" 2>/dev/null; exec \"$@\"", "sh"));
        cmd.addAll(commande);
        return cmd;
    }

    /** La limite dure de descripteurs, lue dans /proc/self/limits. */
    static long limiteDureFichiers() throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (l.startsWith("Max open files")) {
                String dure = l.trim().split("\\s+")[4];
                return dure.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(dure);
            }
        }
        return 1024;
    }
}
