package fr.progsys.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import fr.progsys.bench.calls.NativeCalls;
import fr.progsys.bench.counter.CounterBenchmark;
import fr.progsys.bench.ipc.RoundTrip;
import fr.progsys.bench.scale.Scale;
import fr.progsys.posix.Posix;
import fr.progsys.testkit.ChildJvm;

/**
 * Toutes les mesures du chapitre « Combien ça coûte ? », dans un seul passage
 * sur une seule machine : compteurs partagés (JMH et jumeau C), allers-retours
 * entre deux processus (Java et jumeau C), serveurs d'écho sous N clients.
 *
 * <p>Écrit {@code machine.csv}, {@code compteurs.csv}, {@code appels.csv},
 * {@code ipc.csv}, {@code ipc-ratios.csv} et
 * {@code echelle.csv} dans {@code -Dbench.resultats}, puis les recopie dans
 * {@code -Dbench.livre} (sauf en mode rapide, {@code -Dbench.rapide=true}).
 *
 * <p>Une variante mesurée a une seule clé, la même dans le code Java (nom de
 * la méthode JMH), dans le jumeau C (argument et sortie) et dans les CSV :
 * {@code noLock} est la même boucle en Java et en C ; les autres variantes
 * n'existent que dans un langage ({@code mutex} et {@code atomicFetchAdd} en
 * C, {@code synchronizedBlock}, {@code atomicInteger}… en Java).
 */
public final class Measurements {

    /** Toutes les parties, dans l'ordre du chapitre. */
    static final String ALL = "compteurs,appels,ipc,echelle";

    /** Essai court : mêmes programmes, peu d'itérations, rien de recopié. */
    public static final boolean QUICK = Boolean.getBoolean("bench.rapide");

    /** Une ligne par mesure et un bilan, pour toutes les parties. */
    static final Progress PROGRESS = new Progress(System.out);

    private Measurements() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        long start = System.nanoTime();
        Path results = Path.of(System.getProperty("bench.resultats", "target/resultats"));
        Path c = Path.of(System.getProperty("bench.c", "target/c"));
        Set<String> parts = Set.of(System.getProperty("bench.parties", ALL).split(","));
        Files.createDirectories(results);
        try (Stream<Path> old = Files.list(results)) {
            for (Path f : old.filter(p -> p.toString().endsWith(".csv")).toList()) {
                Files.delete(f); // rien d'une mesure précédente ne doit se mêler à celle-ci
            }
        }
        Machine machine = Machine.describe(c);
        if (parts.contains("compteurs")) {
            PROGRESS.part("compteurs");
            write(results.resolve("compteurs.csv"), counters(results, c));
        }
        if (parts.contains("appels")) {
            PROGRESS.part("appels");
            List<String> calls = calls(c);
            write(results.resolve("appels.csv"), calls);
            write(results.resolve("appels-ratios.csv"), callRatios(calls));
        }
        if (parts.contains("ipc")) {
            PROGRESS.part("ipc");
            RoundTrip.Results ipc = RoundTrip.measure(c, QUICK, PROGRESS);
            write(results.resolve("ipc.csv"), ipc.passes());
            write(results.resolve("ipc-ratios.csv"), ipc.ratios());
        }
        if (parts.contains("echelle")) {
            PROGRESS.part("echelle");
            write(results.resolve("echelle.csv"), Scale.measure(QUICK, PROGRESS));
        }
        PROGRESS.end();
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        write(results.resolve("machine.csv"), machine.csv(seconds, QUICK));
        System.out.printf("Mesures terminées en %d min %02d s : %s%n",
                seconds / 60, seconds % 60, results);
        String book = System.getProperty("bench.livre");
        boolean complete = parts.equals(Set.of(ALL.split(",")));
        if (!complete) {
            // Un passage partiel garde la description de sa propre machine et
            // de son JDK à côté de ses CSV : machine-<partie>.csv.
            for (String part : parts) {
                Files.copy(results.resolve("machine.csv"),
                        results.resolve("machine-" + part + ".csv"),
                        StandardCopyOption.REPLACE_EXISTING);
                PROGRESS.wrote(results.resolve("machine-" + part + ".csv"));
            }
            Files.delete(results.resolve("machine.csv"));
        }
        if (!QUICK && book != null) {
            Path dest = Path.of(book);
            Files.createDirectories(dest);
            if (complete) {
                try (Stream<Path> old = Files.list(dest)) {
                    for (Path f : old.filter(p -> p.getFileName().toString()
                            .startsWith("machine-")).toList()) {
                        Files.delete(f); // un passage complet remplace les partiels
                    }
                }
            }
            try (Stream<Path> csv = Files.list(results)) {
                for (Path f : csv.filter(p -> p.toString().endsWith(".csv")).toList()) {
                    Files.copy(f, dest.resolve(f.getFileName()),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
            System.out.println("Résultats recopiés pour le livre : " + dest);
        }
        PROGRESS.summary();
    }

    /**
     * Lance une commande (JVM de mesure ou jumeau C) par {@link ChildJvm},
     * attend sa fin (au plus {@code seconds}) et rend les lignes de sa sortie
     * standard ; sa sortie d'erreur passe ensuite sur la console du build.
     */
    public static List<String> run(List<String> command, long seconds) {
        ChildJvm.Result r = ChildJvm.run(Duration.ofSeconds(seconds), command);
        System.err.print(r.stderr());
        if (r.exitCode() != 0) {
            throw new IllegalStateException("code " + r.exitCode() + " : " + command);
        }
        return r.stdout().lines().toList();
    }

    static void write(Path file, List<String> lines) throws IOException {
        Files.write(file, lines);
        PROGRESS.wrote(file);
        System.out.println("--- " + file.getFileName());
        lines.forEach(System.out::println);
    }

    /** Les 6 variantes Java par JMH, puis les 3 variantes du jumeau C. */
    static List<String> counters(Path results, Path c) throws RunnerException, IOException {
        Path values = Files.createDirectories(results.resolve("valeurs"));
        long total = (long) CounterBenchmark.THREADS * CounterBenchmark.INCREMENTS;
        Options options = new OptionsBuilder()
                .include(CounterBenchmark.class.getName() + "\\.")
                .warmupIterations(QUICK ? 1 : 3)
                .measurementIterations(QUICK ? 2 : 7)
                .forks(1)
                .jvmArgsAppend("-Dbench.valeurs=" + values.toAbsolutePath())
                .build();
        List<String> lines = new ArrayList<>();
        lines.add("language,variant,ns_per_increment,final_value,expected");
        PROGRESS.plan(4);
        PROGRESS.next("Java (JMH, toutes les variantes)");
        for (RunResult r : new Runner(options).run()) {
            String variant = shortName(r);
            double ms = r.getPrimaryResult().getStatistics().getPercentile(50);
            String value = Files.readString(values.resolve(variant + ".txt")).trim();
            lines.add(String.format("Java,%s,%.2f,%s,%d", variant, ms * 1e6 / total, value,
                    total));
        }
        for (String variant : List.of("noLock", "mutex", "atomicFetchAdd")) {
            PROGRESS.next("C " + variant);
            String output = run(List.of(c.resolve("counter").toString(), variant,
                    QUICK ? "3" : "7"), 300).get(0);
            String[] fields = output.split(";");
            lines.add(String.format("C,%s,%.2f,%s,%d", fields[0],
                    Double.parseDouble(fields[1]), fields[2], total));
        }
        return lines;
    }

    /**
     * Le prix d'un appel seul, sans réveil, en passes alternées : JMH avec la
     * liaison jnr, JMH avec la liaison FFM (JDK 22 et plus seulement), puis le
     * jumeau C ; 5 passes (2 en mode rapide). Une ligne par opération, liaison
     * et passe : la dispersion d'une passe à l'autre (charge de la machine)
     * donne un intervalle de confiance au rapport Java/C.
     */
    static List<String> calls(Path c) throws RunnerException {
        int passes = QUICK ? 2 : 5;
        List<String> bindings = Runtime.version().feature() >= 22
                ? List.of("jnr", "ffm") : List.of("jnr");
        if (bindings.size() == 1) {
            System.out.println("appels : JDK " + Runtime.version().feature()
                    + ", pas de liaison FFM (JDK 22 et plus) : jnr et C seulement");
        }
        PROGRESS.plan(passes * (bindings.size() + 1));
        List<String> lines = new ArrayList<>();
        lines.add("operation,binding,pass,ns");
        for (int pass = 1; pass <= passes; pass++) {
            for (String binding : bindings) {
                PROGRESS.next("Java " + binding + " (JMH), passe " + pass + "/" + passes);
                Options options = new OptionsBuilder()
                        .include(NativeCalls.class.getName() + "\\.")
                        // Chauffe longue : le chemin jnr n'est compilé par C2 qu'après
                        // quelques millions d'appels quand la machine est chargée.
                        .warmupIterations(QUICK ? 1 : 8)
                        .warmupTime(TimeValue.seconds(1))
                        .measurementIterations(QUICK ? 1 : 3)
                        .measurementTime(TimeValue.seconds(1))
                        .forks(1)
                        .jvmArgsAppend("-D" + Posix.BINDING_PROPERTY + "=" + binding)
                        .build();
                for (RunResult r : new Runner(options).run()) {
                    lines.add(String.format("%s,%s,%d,%.1f", shortName(r), binding, pass,
                            r.getPrimaryResult().getScore()));
                }
            }
            PROGRESS.next("C, passe " + pass + "/" + passes);
            for (String output : run(List.of(c.resolve("calls").toString(),
                    QUICK ? "20000" : "400000"), 300)) {
                String[] fields = output.split(";"); // opération;ns
                lines.add(String.format("%s,C,%d,%s", fields[0], pass, fields[1]));
            }
        }
        return lines;
    }

    /**
     * Par opération et par liaison, le rapport Java/C de chaque passe (Java_i /
     * C_i, mesurés l'un après l'autre), sa moyenne et son intervalle de
     * confiance à 95 %. {@code mqSendReceiveMessage} (l'ancienne réception,
     * un {@code Message} neuf par appel) se compare au même C que
     * {@code mqSendReceive}.
     */
    static List<String> callRatios(List<String> calls) {
        Map<String, Map<String, Map<Integer, Double>>> m = new TreeMap<>();
        for (String line : calls.subList(1, calls.size())) {
            String[] f = line.split(",");
            m.computeIfAbsent(f[0], k -> new TreeMap<>())
                    .computeIfAbsent(f[1], k -> new TreeMap<>())
                    .put(Integer.parseInt(f[2]), Double.parseDouble(f[3]));
        }
        List<String> lines = new ArrayList<>();
        lines.add("operation,binding,n,mean,ci_low,ci_high");
        m.forEach((op, byBinding) -> {
            Map<Integer, Double> c = m.getOrDefault(op.equals("mqSendReceiveMessage")
                    ? "mqSendReceive" : op, Map.of()).get("C");
            byBinding.forEach((binding, passes) -> {
                if (binding.equals("C") || c == null) {
                    return;
                }
                double[] r = passes.entrySet().stream().filter(e -> c.containsKey(e.getKey()))
                        .mapToDouble(e -> e.getValue() / c.get(e.getKey())).toArray();
                if (r.length < 2) {
                    return;
                }
                Stats.Interval ci = Stats.meanWithInterval95(r);
                lines.add(String.format("%s,%s,%d,%.3f,%.3f,%.3f", op, binding, ci.n(),
                        ci.mean(), ci.low(), ci.high()));
            });
        });
        return lines;
    }

    /** Le nom de la méthode mesurée, sans sa classe : la clé de la variante. */
    private static String shortName(RunResult r) {
        String name = r.getParams().getBenchmark();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** La machine et le moment de la mesure. */
    record Machine(String processor, int cores, String kernel, String jdk, String gcc,
            String memory, String virtualized, String meltdown, String load,
            Instant date) {

        static Machine describe(Path c) throws IOException {
            String cpu = "?";
            String virtualized = "non";
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name") && cpu.equals("?")) {
                    cpu = l.substring(l.indexOf(':') + 1).trim();
                } else if (l.startsWith("flags") && l.contains(" hypervisor")) {
                    virtualized = "oui";
                }
            }
            Path vulnerability = Path.of("/sys/devices/system/cpu/vulnerabilities/meltdown");
            String meltdown = Files.exists(vulnerability)
                    ? Files.readString(vulnerability).trim() : "?";
            String memory = "?";
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(l.replaceAll("\\D", ""));
                    memory = (kib / 1024 / 1024) + " Gio";
                }
            }
            String kernel = Files.readString(Path.of("/proc/sys/kernel/ostype")).trim() + " "
                    + Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
            String jdk = System.getProperty("java.vm.name") + " "
                    + System.getProperty("java.runtime.version");
            Path gccVersion = c.resolve("gcc-version.txt");
            String gcc = Files.exists(gccVersion) ? Files.readString(gccVersion).trim() : "?";
            String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            return new Machine(cpu, Runtime.getRuntime().availableProcessors(), kernel, jdk,
                    gcc, memory, virtualized, meltdown, load,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }

        /** Clés en anglais (lues par le livre), valeurs telles que le livre les montre. */
        List<String> csv(long seconds, boolean quick) {
            return List.of("key,value",
                    "processor," + clean(processor),
                    "cores," + cores,
                    "memory," + memory,
                    "kernel," + clean(kernel),
                    "virtual_machine," + virtualized,
                    "meltdown," + clean(meltdown),
                    "jdk," + clean(jdk),
                    "gcc," + clean(gcc) + " (-O2)",
                    "date," + date,
                    "load_at_start," + load,
                    "duration_s," + seconds,
                    "mode," + (quick ? "rapide" : "complet"));
        }

        private static String clean(String s) {
            return s.replace(',', ' ');
        }
    }
}
