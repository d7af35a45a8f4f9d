package fr.progsys.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import fr.progsys.bench.appels.AppelsNatifs;
import fr.progsys.bench.compteur.CompteurPartage;
import fr.progsys.bench.echelle.Echelle;
import fr.progsys.bench.ipc.AllerRetour;

/**
 * Toutes les mesures du chapitre « Combien ça coûte ? », dans un seul passage
 * sur une seule machine : compteurs partagés (JMH et jumeau C), allers-retours
 * entre deux processus (Java et jumeau C), serveurs d'écho sous N clients.
 *
 * <p>Écrit {@code machine.csv}, {@code compteurs.csv}, {@code appels.csv},
 * {@code ipc.csv} et
 * {@code echelle.csv} dans {@code -Dbench.resultats}, puis les recopie dans
 * {@code -Dbench.livre} (sauf en mode rapide, {@code -Dbench.rapide=true}).
 */
public final class Mesures {

    /** Toutes les parties, dans l'ordre du chapitre. */
    static final String TOUT = "compteurs,appels,ipc,echelle";

    /** Essai court : mêmes programmes, peu d'itérations, rien de recopié. */
    public static final boolean RAPIDE = Boolean.getBoolean("bench.rapide");

    private Mesures() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        long debut = System.nanoTime();
        Path resultats = Path.of(System.getProperty("bench.resultats", "target/resultats"));
        Path c = Path.of(System.getProperty("bench.c", "target/c"));
        Set<String> parties = Set.of(System.getProperty("bench.parties", TOUT).split(","));
        Files.createDirectories(resultats);
        try (Stream<Path> anciens = Files.list(resultats)) {
            for (Path f : anciens.filter(p -> p.toString().endsWith(".csv")).toList()) {
                Files.delete(f); // rien d'une mesure précédente ne doit se mêler à celle-ci
            }
        }
        Machine machine = Machine.decrire(c);
        if (parties.contains("compteurs")) {
            ecrire(resultats.resolve("compteurs.csv"), compteurs(resultats, c));
        }
        if (parties.contains("appels")) {
            ecrire(resultats.resolve("appels.csv"), appels(c));
        }
        if (parties.contains("ipc")) {
            ecrire(resultats.resolve("ipc.csv"), AllerRetour.mesurer(c, RAPIDE));
        }
        if (parties.contains("echelle")) {
            ecrire(resultats.resolve("echelle.csv"), Echelle.mesurer(RAPIDE));
        }
        long secondes = (System.nanoTime() - debut) / 1_000_000_000L;
        ecrire(resultats.resolve("machine.csv"), machine.csv(secondes, RAPIDE));
        System.out.printf("Mesures terminées en %d min %02d s : %s%n",
                secondes / 60, secondes % 60, resultats);
        String livre = System.getProperty("bench.livre");
        boolean toutes = parties.equals(Set.of(TOUT.split(",")));
        if (!toutes) {
            // Un passage partiel garde la description de sa propre machine et
            // de son JDK à côté de ses CSV : machine-<partie>.csv.
            for (String partie : parties) {
                Files.copy(resultats.resolve("machine.csv"),
                        resultats.resolve("machine-" + partie + ".csv"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            Files.delete(resultats.resolve("machine.csv"));
        }
        if (!RAPIDE && livre != null) {
            Path dest = Path.of(livre);
            Files.createDirectories(dest);
            if (toutes) {
                try (Stream<Path> anciens = Files.list(dest)) {
                    for (Path f : anciens.filter(p -> p.getFileName().toString()
                            .startsWith("machine-")).toList()) {
                        Files.delete(f); // un passage complet remplace les partiels
                    }
                }
            }
            try (Stream<Path> csv = Files.list(resultats)) {
                for (Path f : csv.filter(p -> p.toString().endsWith(".csv")).toList()) {
                    Files.copy(f, dest.resolve(f.getFileName()),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
            System.out.println("Résultats recopiés pour le livre : " + dest);
        }
    }

    static void ecrire(Path fichier, List<String> lignes) throws IOException {
        Files.write(fichier, lignes);
        System.out.println("--- " + fichier.getFileName());
        lignes.forEach(System.out::println);
    }

    /** Les 6 variantes Java par JMH, puis les 3 variantes du jumeau C. */
    static List<String> compteurs(Path resultats, Path c) throws RunnerException, IOException {
        Path valeurs = Files.createDirectories(resultats.resolve("valeurs"));
        long total = (long) CompteurPartage.THREADS * CompteurPartage.INCREMENTS;
        Options options = new OptionsBuilder()
                .include(CompteurPartage.class.getName() + "\\.")
                .warmupIterations(RAPIDE ? 1 : 3)
                .measurementIterations(RAPIDE ? 2 : 7)
                .forks(1)
                .jvmArgsAppend("-Dbench.valeurs=" + valeurs.toAbsolutePath())
                .build();
        List<String> lignes = new ArrayList<>();
        lignes.add("langage,variante,ns_par_increment,valeur_finale,attendue");
        for (RunResult r : new Runner(options).run()) {
            String nom = nomCourt(r);
            double ms = r.getPrimaryResult().getStatistics().getPercentile(50);
            String valeur = Files.readString(valeurs.resolve(nom + ".txt")).trim();
            lignes.add(String.format("Java,%s,%.2f,%s,%d", nom, ms * 1e6 / total, valeur, total));
        }
        for (String variante : List.of("sans-verrou", "mutex", "atomique")) {
            String sortie = Processus.executer(List.of(c.resolve("compteur").toString(),
                    variante, RAPIDE ? "3" : "7"), 300).get(0);
            String[] champs = sortie.split(";");
            lignes.add(String.format("C,%s,%.2f,%s,%d", champs[0],
                    Double.parseDouble(champs[1]), champs[2], total));
        }
        return lignes;
    }

    /** Le prix d'un appel seul, sans réveil : JMH pour Java, puis le jumeau C. */
    static List<String> appels(Path c) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(AppelsNatifs.class.getName() + "\\.")
                // Chauffe longue : le chemin jnr n'est compilé par C2 qu'après
                // quelques millions d'appels quand la machine est chargée.
                .warmupIterations(RAPIDE ? 1 : 8)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(RAPIDE ? 1 : 5)
                .measurementTime(TimeValue.seconds(1))
                .forks(1)
                .build();
        List<String> lignes = new ArrayList<>();
        lignes.add("operation,langage,ns");
        for (RunResult r : new Runner(options).run()) {
            lignes.add(String.format("%s,Java,%.1f", nomCourt(r), r.getPrimaryResult().getScore()));
        }
        for (String sortie : Processus.executer(List.of(c.resolve("appels").toString(),
                RAPIDE ? "20000" : "400000"), 300)) {
            lignes.add(sortie.replace(';', ',').replaceFirst(",", ",C,"));
        }
        return lignes;
    }

    /** Le nom de la méthode mesurée, sans sa classe. */
    private static String nomCourt(RunResult r) {
        String nom = r.getParams().getBenchmark();
        return nom.substring(nom.lastIndexOf('.') + 1);
    }

    /** La machine et le moment de la mesure. */
    record Machine(String processeur, int coeurs, String noyau, String jdk, String gcc,
            String memoire, String virtualisation, String meltdown, String charge,
            Instant date) {

        static Machine decrire(Path c) throws IOException {
            String cpu = "?";
            String virtualisation = "non";
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name") && cpu.equals("?")) {
                    cpu = l.substring(l.indexOf(':') + 1).trim();
                } else if (l.startsWith("flags") && l.contains(" hypervisor")) {
                    virtualisation = "oui";
                }
            }
            Path vuln = Path.of("/sys/devices/system/cpu/vulnerabilities/meltdown");
            String meltdown = Files.exists(vuln) ? Files.readString(vuln).trim() : "?";
            String mem = "?";
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) {
                    long kio = Long.parseLong(l.replaceAll("\\D", ""));
                    mem = (kio / 1024 / 1024) + " Gio";
                }
            }
            String noyau = Files.readString(Path.of("/proc/sys/kernel/ostype")).trim() + " "
                    + Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
            String jdk = System.getProperty("java.vm.name") + " "
                    + System.getProperty("java.runtime.version");
            Path gccVersion = c.resolve("gcc-version.txt");
            String gcc = Files.exists(gccVersion) ? Files.readString(gccVersion).trim() : "?";
            String charge = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            return new Machine(cpu, Runtime.getRuntime().availableProcessors(), noyau, jdk,
                    gcc, mem, virtualisation, meltdown, charge,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }

        List<String> csv(long secondes, boolean rapide) {
            return List.of("cle,valeur",
                    "processeur," + propre(processeur),
                    "coeurs," + coeurs,
                    "memoire," + memoire,
                    "noyau," + propre(noyau),
                    "machine_virtuelle," + virtualisation,
                    "meltdown," + propre(meltdown),
                    "jdk," + propre(jdk),
                    "gcc," + propre(gcc) + " (-O2)",
                    "date," + date,
                    "charge_au_depart," + charge,
                    "duree_s," + secondes,
                    "mode," + (rapide ? "rapide" : "complet"));
        }

        private static String propre(String s) {
            return s.replace(',', ' ');
        }
    }
}
