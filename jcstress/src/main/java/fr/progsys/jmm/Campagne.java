package fr.progsys.jmm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.infra.StateCase;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.TestInfo;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.InProcessCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.GradingResult;
import org.openjdk.jcstress.infra.runners.TestList;

/**
 * Lance les tests jcstress de ce paquet (org.openjdk.jcstress.Main, dans une
 * JVM à lui), puis relit le fichier de résultats binaire qu'il écrit
 * ({@code jcstress-results-*.bin.gz}, les objets {@link TestResult} de
 * jcstress 0.16) et en tire des CSV pour le livre :
 *
 * <ul>
 * <li>{@code machine.csv} : la machine, le JDK, le mode de jcstress, la durée ;
 * <li>{@code tests.csv} : une ligne par test (diapositives, échantillons,
 *     verdict, issue « intéressante » vue ou non) ;
 * <li>{@code <Test>.csv} : chaque issue possible ou observée, son nombre, sa
 *     part, sa classe (acceptable, intéressante, interdite).
 * </ul>
 *
 * Le HTML et le rapport texte de jcstress restent dans
 * {@code target/jcstress/rapport}. Propriétés : {@code jcstress.mode},
 * {@code jcstress.cpus}, {@code jcstress.travail}, {@code jcstress.livre}.
 */
public final class Campagne {

    private Campagne() {
    }

    public static void main(String[] args) throws Exception {
        String mode = System.getProperty("jcstress.mode", "quick");
        String cpus = System.getProperty("jcstress.cpus", "2");
        Path travail = Path.of(System.getProperty("jcstress.travail",
                "target/jcstress"));
        String livre = System.getProperty("jcstress.livre", "");
        Files.createDirectories(travail);
        try (Stream<Path> old = Files.list(travail)) {
            for (Path p : old.filter(Campagne::isResultFile).toList()) {
                Files.delete(p);
            }
        }

        List<String> options = List.of("-m", mode, "-c", cpus,
                "-t", "fr\\.progsys\\.jmm\\..*");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(),
                "-cp", System.getProperty("java.class.path"),
                "org.openjdk.jcstress.Main", "-r",
                travail.resolve("rapport").toString()));
        cmd.addAll(options);
        String load = firstWord(read(Path.of("/proc/loadavg")));
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        int rc = new ProcessBuilder(cmd).directory(travail.toFile())
                .inheritIO().start().waitFor();
        long seconds = Math.round((System.nanoTime() - t0) / 1e9);
        if (rc != 0) {
            System.err.println("jcstress a échoué (code " + rc + ").");
            System.exit(rc);
        }

        Path bin;
        try (Stream<Path> files = Files.list(travail)) {
            bin = files.filter(Campagne::isResultFile)
                    .max(Comparator.naturalOrder())
                    .orElseThrow(() -> new IllegalStateException(
                            "jcstress n'a écrit aucun fichier de résultats dans "
                                    + travail));
        }
        InProcessCollector collected = new InProcessCollector();
        DiskReadCollector reader = new DiskReadCollector(bin.toString(),
                collected);
        reader.dump();
        reader.close();

        // Un test tourne sous plusieurs réglages de JVM : on additionne.
        Map<String, List<TestResult>> byTest = new TreeMap<>();
        for (TestResult r : collected.getTestResults()) {
            byTest.computeIfAbsent(r.getName(), k -> new ArrayList<>()).add(r);
        }

        Path out = travail.resolve("resultats");
        Files.createDirectories(out);
        StringBuilder index = new StringBuilder(
                "Test,Diapositives,Affirmation,Échantillons,Réglages de JVM,"
                        + "Verdict,Intéressante vue\n");
        Map<String, String> env = new TreeMap<>();
        boolean allPassed = true;
        for (Map.Entry<String, List<TestResult>> e : byTest.entrySet()) {
            TestResult merged = merge(e.getValue());
            TestInfo info = TestList.getInfo(e.getKey());
            if (merged.getEnv() != null) {
                env.putAll(merged.getEnv().entries());
            }
            Set<Status> statuses = EnumSet.noneOf(Status.class);
            e.getValue().forEach(r -> statuses.add(r.status()));
            boolean passed = merged.grading().isPassed
                    && statuses.equals(EnumSet.of(Status.NORMAL));
            allPassed &= passed;

            String simple = e.getKey().substring(e.getKey().lastIndexOf('.') + 1);
            String description = info.description() == null ? ""
                    : info.description();
            int colon = description.indexOf(" : ");
            String slides = colon < 0 ? "" : description.substring(0, colon);
            String claim = colon < 0 ? description
                    : description.substring(colon + 3);
            index.append(csv(simple, slides, claim,
                    Long.toString(merged.getTotalCount()),
                    Integer.toString(e.getValue().size()),
                    passed ? "réussi" : "échoué " + statuses,
                    merged.grading().hasInteresting ? "oui" : "non"));

            StringBuilder rows = new StringBuilder(
                    "Issue,Nombre,Part,Classe,Description\n");
            boolean otherSeen = false;
            StateCase other = info.unmatched(); // l'@Outcome sans id, s'il y en a
            for (GradingResult g : merged.grading().gradingResults.values()) {
                rows.append(csv(g.id, Long.toString(g.count),
                        share(g.count, merged.getTotalCount()),
                        grade(g.expect), g.description));
                otherSeen |= g.expect == other.expect()
                        && g.description.equals(other.description());
            }
            if (other.matchPattern().isEmpty() && !otherSeen) {
                rows.append(csv("toute autre", "0",
                        share(0, merged.getTotalCount()),
                        grade(other.expect()), other.description()));
            }
            Files.writeString(out.resolve(simple + ".csv"), rows,
                    StandardCharsets.UTF_8);
        }
        Files.writeString(out.resolve("tests.csv"), index,
                StandardCharsets.UTF_8);

        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("Processeur", cpuModel());
        machine.put("Cœurs",
                Integer.toString(Runtime.getRuntime().availableProcessors()));
        machine.put("Noyau", env.getOrDefault("os.name", "?") + " "
                + env.getOrDefault("os.version", "?"));
        machine.put("JDK", env.getOrDefault("java.vm.name", "?") + " "
                + env.getOrDefault("java.vm.version", "?"));
        machine.put("jcstress", System.getProperty("jcstress.version", "?"));
        machine.put("Mode", mode);
        machine.put("Options", String.join(" ", options));
        machine.put("Date", start.truncatedTo(ChronoUnit.SECONDS).toString());
        machine.put("Charge au départ", load);
        machine.put("Durée (s)", Long.toString(seconds));
        StringBuilder m = new StringBuilder("Clé,Valeur\n");
        machine.forEach((k, v) -> m.append(csv(k, v)));
        Files.writeString(out.resolve("machine.csv"), m,
                StandardCharsets.UTF_8);

        System.out.println();
        System.out.print(index);
        System.out.println("Durée de jcstress : " + seconds + " s ; CSV dans "
                + out);
        if (!livre.isEmpty()) {
            Path book = Path.of(livre);
            Files.createDirectories(book);
            try (Stream<Path> old = Files.list(book)) {
                for (Path p : old.filter(p -> p.toString().endsWith(".csv"))
                        .toList()) {
                    Files.delete(p);
                }
            }
            try (Stream<Path> csvs = Files.list(out)) {
                for (Path p : csvs.toList()) {
                    Files.copy(p, book.resolve(p.getFileName()),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
            System.out.println("Recopiés pour le livre dans " + book);
        }
        if (!allPassed) {
            System.err.println("Au moins un test jcstress a échoué"
                    + " (issue interdite, ou erreur) : voir tests.csv.");
            System.exit(1);
        }
    }

    private static TestResult merge(List<TestResult> results) {
        TestResult merged = new TestResult(Status.NORMAL);
        merged.setConfig(results.get(0).getConfig());
        merged.setEnv(results.get(0).getEnv());
        for (TestResult r : results) {
            merged.addState(r.getCounter());
        }
        return merged;
    }

    private static String grade(Expect expect) {
        switch (expect) {
            case ACCEPTABLE:
                return "acceptable";
            case ACCEPTABLE_INTERESTING:
                return "intéressante";
            case FORBIDDEN:
                return "interdite";
            default:
                return "inconnue";
        }
    }

    private static String share(long count, long total) {
        if (total == 0) {
            return "";
        }
        double pct = 100.0 * count / total;
        if (count > 0 && pct < 0.01) {
            return "< 0,01\u00a0%";
        }
        return String.format(Locale.FRANCE, "%.2f\u00a0%%", pct);
    }

    private static String csv(String... fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            String f = fields[i] == null ? "" : fields[i];
            if (i > 0) {
                line.append(',');
            }
            if (f.contains(",") || f.contains("\"")) {
                line.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                line.append(f);
            }
        }
        return line.append('\n').toString();
    }

    private static boolean isResultFile(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith("jcstress-results-") && name.endsWith(".bin.gz");
    }

    private static String cpuModel() {
        for (String line : read(Path.of("/proc/cpuinfo")).split("\n")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return System.getProperty("os.arch");
    }

    private static String firstWord(String s) {
        String t = s.trim();
        int sp = t.indexOf(' ');
        return sp < 0 ? t : t.substring(0, sp);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
