package fr.progsys.docs.costs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Fabrique, avant Asciidoctor, les tableaux (fragments AsciiDoc) et les
 * graphiques (SVG) du chapitre « Combien ça coûte ? » à partir des CSV
 * enregistrés dans {@code docs/src/docs/asciidoc/couts/resultats}.
 *
 * <p>Lancé comme programme d'un seul fichier ({@code java Costs.java …}) par le
 * build du livre : {@code <résultats> <sortie> <images-html>}.
 */
public final class Costs {

    static final String JAVA = "#1f77b4";
    static final String C = "#ff7f0e";
    static final String FFM = "#2ca02c";
    static final List<String> SERVER_COLOURS = List.of("#2ca02c", "#9467bd", "#d62728", "#1f77b4");

    private Costs() {
    }

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        Path html = Files.createDirectories(Path.of(args[2]));
        Map<String, String> files = new LinkedHashMap<>();
        files.put("valeurs.adoc", "");
        machine(read(results.resolve("machine.csv")), files);
        counters(read(results.resolve("compteurs.csv")), files);
        calls(read(results.resolve("appels.csv")), read(results.resolve("appels-ratios.csv")),
                files);
        ipc(read(results.resolve("ipc.csv")), read(results.resolve("ipc-ratios.csv")), files);
        scale(read(results.resolve("echelle.csv")), files);
        // Une partie remesurée à part (./mvnw -Pbench … -Dbench.parties=echelle)
        // a sa propre machine : son JDK et sa date, dits à côté de ses tableaux.
        for (String part : List.of("compteurs", "appels", "ipc", "echelle")) {
            Path m = results.resolve("machine-" + part + ".csv");
            Map<String, String> v = new LinkedHashMap<>();
            for (String[] l : read(Files.exists(m) ? m : results.resolve("machine.csv"))) {
                if (l.length > 1) {
                    v.put(l[0], l[1]);
                }
            }
            attribute(files, part + "-jdk", v.get("jdk"));
            attribute(files, part + "-date", v.get("date").replace('T', ' ')
                    .replace("Z", "\u00a0UTC"));
            attribute(files, part + "-charge", v.get("load_at_start").replace('.', ','));
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(out.resolve(f.getKey()), f.getValue());
            if (f.getKey().endsWith(".svg")) {
                Files.writeString(html.resolve(f.getKey()), f.getValue());
            }
        }
    }

    // ---------------------------------------------------------------- CSV

    /** Les lignes d'un CSV simple (virgules, pas de guillemets), en-tête compris. */
    static List<String[]> read(Path csv) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String l : Files.readAllLines(csv)) {
            if (!l.isBlank()) {
                rows.add(l.split(",", -1));
            }
        }
        return rows;
    }

    /** 1234.5 → « 1 234,5 » (espace insécable, virgule décimale). */
    static String number(double x, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", x);
        String integer = s.contains(".") ? s.substring(0, s.indexOf('.')) : s;
        String fraction = s.contains(".") ? "," + s.substring(s.indexOf('.') + 1) : "";
        StringBuilder grouped = new StringBuilder();
        int start = integer.startsWith("-") ? 1 : 0;
        for (int i = start; i < integer.length(); i++) {
            if (i > start && (integer.length() - i) % 3 == 0) {
                grouped.append('\u00A0');
            }
            grouped.append(integer.charAt(i));
        }
        return (start == 1 ? "-" : "") + grouped + fraction;
    }

    static String ratio(double java, double c) {
        return number(java / c, 2) + "\u00A0×";
    }

    // ------------------------------------------------------------ machine

    static void machine(List<String[]> csv, Map<String, String> files) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String[] l : csv.subList(1, csv.size())) {
            m.put(l[0], l[1]);
        }
        String date = m.get("date").replace('T', ' ').replace("Z", " UTC");
        long duration = Long.parseLong(m.get("duration_s"));
        StringBuilder a = new StringBuilder();
        a.append("[cols=\"1,3\"]\n|===\n");
        a.append("| Processeur | ").append(m.get("processor")).append(", ")
                .append(m.get("cores")).append(" cœurs vus par la JVM\n");
        a.append("| Mémoire | ").append(m.get("memory")).append('\n');
        a.append("| Noyau | ").append(m.get("kernel")).append('\n');
        a.append("| Machine virtuelle | ").append(m.getOrDefault("virtual_machine", "?"))
                .append(" (drapeau `hypervisor` de `/proc/cpuinfo`)\n");
        // Texte du noyau (/sys/devices/system/cpu/vulnerabilities/meltdown), en
        // anglais : écrit comme du code, hors typographie française.
        a.append("| Protection Meltdown | `").append(m.getOrDefault("meltdown", "?")).append('`')
                .append(" (PTI\u00a0: le noyau change de table des pages à chaque appel système)\n");
        a.append("| JDK | ").append(m.get("jdk")).append('\n');
        a.append("| Compilateur C | ").append(m.get("gcc")).append('\n');
        a.append("| Date de la mesure | ").append(date).append('\n');
        a.append("| Durée du passage | ").append(duration / 60).append(" min ")
                .append(String.format("%02d", duration % 60)).append(" s (mode ")
                .append(m.get("mode")).append(")\n");
        a.append("| Charge au départ | ").append(m.get("load_at_start").replace('.', ','))
                .append(" (moyenne de charge sur 1 min, `/proc/loadavg`)\n");
        a.append("|===\n");
        files.put("machine.adoc", a.toString());
        attribute(files, "couts-date", date);
        attribute(files, "couts-coeurs", m.get("cores"));
    }

    /** Ajoute {@code :nom: valeur} à valeurs.adoc, que le chapitre inclut en tête. */
    static void attribute(Map<String, String> files, String name, String value) {
        files.merge("valeurs.adoc", ":" + name + ": " + value + "\n", String::concat);
    }

    // ---------------------------------------------------------- compteurs

    /**
     * Le libellé de chaque variante, par sa clé : celle du code mesuré (nom de
     * la méthode JMH, argument du jumeau C), écrite telle quelle dans
     * compteurs.csv. {@code noLock} est la même boucle en Java et en C.
     */
    static final Map<String, String> VARIANTS = Map.of(
            "noLock", "sans verrou (`volatile`)",
            "synchronizedBlock", "`synchronized`",
            "reentrantLock", "`ReentrantLock`",
            "atomicInteger", "`AtomicInteger`",
            "longAdder", "`LongAdder`",
            "localSums", "sommes locales fusionnées",
            "mutex", "`pthread_mutex`",
            "atomicFetchAdd", "`+__atomic_fetch_add+`");

    /** L'ordre des lignes ; à variante égale, Java puis C (l'ordre du CSV). */
    static final List<String> ORDER = List.of("noLock", "synchronizedBlock", "reentrantLock",
            "mutex", "atomicInteger", "atomicFetchAdd", "longAdder", "localSums");

    static void counters(List<String[]> csv, Map<String, String> files) {
        List<String[]> rows = new ArrayList<>(csv.subList(1, csv.size()));
        rows.sort((x, y) -> Integer.compare(ORDER.indexOf(x[1]), ORDER.indexOf(y[1])));
        StringBuilder a = new StringBuilder();
        a.append("[cols=\"30,13,17,24,10\",options=\"header\"]\n|===\n")
                .append("| Variante | Langage | ns par incrément ")
                .append("| Valeur finale (la plus petite) | Juste\u00a0?\n");
        List<Bar> bars = new ArrayList<>();
        for (String[] l : rows) {
            double ns = Double.parseDouble(l[2]);
            boolean correct = l[3].equals(l[4]);
            attribute(files, ("cout-" + l[0] + "-" + l[1]).toLowerCase(Locale.ROOT),
                    number(ns, 1));
            a.append("| ").append(VARIANTS.getOrDefault(l[1], l[1])).append(" | ").append(l[0])
                    .append(" | ").append(number(ns, 2))
                    .append(" | ").append(number(Long.parseLong(l[3]), 0))
                    .append(" | ").append(correct ? "oui" : "*non*").append('\n');
            bars.add(new Bar(plainText(VARIANTS.getOrDefault(l[1], l[1])) + " (" + l[0] + ")",
                    ns, l[0].equals("Java") ? JAVA : C, number(ns, 2)));
        }
        a.append("|===\n");
        files.put("compteurs.adoc", a.toString());
        files.put("compteurs.svg", bars(
                "3 threads × 10 000 000 incréments\u00a0: nanosecondes par incrément", bars,
                List.of(new Legend("Java (JMH)", JAVA), new Legend("C (gcc -O2)", C))));
    }

    /** Le libellé AsciiDoc sans sa mise en forme, pour le SVG. */
    static String plainText(String adoc) {
        return adoc.replace("`", "").replace("+", "");
    }

    // ------------------------------------------------------------- appels

    static final Map<String, String> OPERATIONS = Map.of(
            "getppid", "`getppid()`, l'appel système le plus simple",
            "semPostTrywait", "`sem_post` puis `sem_trywait` (sans blocage)",
            "mqSendReceive", "`mq_send` puis `mq_receive` de 64 octets, dans un tampon"
                    + " réutilisé",
            "mqSendReceiveMessage", "idem, un `Message` neuf par réception (l'ancienne"
                    + " forme)",
            "shmPutGet", "copier 64 octets dans la mémoire partagée, puis les relire");

    static final List<String> OPERATION_ORDER = List.of("getppid", "semPostTrywait",
            "mqSendReceive", "mqSendReceiveMessage", "shmPutGet");

    /** Les cibles de la liaison FFM (rapport à C), par opération ; sans cible : absente. */
    static final Map<String, Double> CALL_TARGETS = Map.of("mqSendReceive", 1.3,
            "semPostTrywait", 3.0, "shmPutGet", 2.0);

    static final List<String> BINDINGS = List.of("jnr", "ffm");

    /** Un rapport et son intervalle de confiance à 95 %, lus dans un *-ratios.csv. */
    record Ratio(int n, double mean, double low, double high) {

        static Ratio of(String[] l, int first) {
            return new Ratio(Integer.parseInt(l[first]), Double.parseDouble(l[first + 1]),
                    Double.parseDouble(l[first + 2]), Double.parseDouble(l[first + 3]));
        }

        /** « 1,70 × [1,52 ; 1,88] » : la moyenne, puis l'intervalle. */
        String shown() {
            return number(mean, 2) + "\u00a0× [" + number(Math.max(low, 0), 2) + "\u00a0; "
                    + number(high, 2) + "]";
        }
    }

    /** La médiane d'une liste de valeurs (les passes d'une mesure). */
    static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        v.sort(null);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    static void calls(List<String[]> csv, List<String[]> ratios, Map<String, String> files) {
        // opération → liaison (jnr, ffm, C) → ns de chaque passe
        Map<String, Map<String, List<Double>>> m = new LinkedHashMap<>();
        int passes = 0;
        for (String[] l : csv.subList(1, csv.size())) {
            m.computeIfAbsent(l[0], k -> new LinkedHashMap<>())
                    .computeIfAbsent(l[1], k -> new ArrayList<>()).add(Double.parseDouble(l[3]));
            passes = Math.max(passes, Integer.parseInt(l[2]));
        }
        Map<String, Ratio> r = new LinkedHashMap<>();
        for (String[] l : ratios.subList(1, ratios.size())) {
            r.put(l[0] + "/" + l[1], Ratio.of(l, 2));
        }
        boolean ffm = m.values().stream().anyMatch(b -> b.containsKey("ffm"));
        StringBuilder a = new StringBuilder();
        a.append(ffm ? "[cols=\"30,9,10,19,10,19\",options=\"header\"]\n|===\n"
                : "[cols=\"40,15,15,30\",options=\"header\"]\n|===\n")
                .append("| Opération | C (ns) | jnr (ns) | jnr / C (IC 95 %)")
                .append(ffm ? " | FFM (ns) | FFM / C (IC 95 %)\n" : "\n");
        List<Bar> bars = new ArrayList<>();
        List<String> met = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (String op : OPERATION_ORDER) {
            Map<String, List<Double>> b = m.get(op);
            if (b == null) {
                continue;
            }
            List<Double> c = m.getOrDefault(op.equals("mqSendReceiveMessage") ? "mqSendReceive"
                    : op, Map.of()).get("C");
            String prefix = "appel-" + op.toLowerCase(Locale.ROOT);
            a.append("| ").append(OPERATIONS.get(op)).append(" | ")
                    .append(op.equals("mqSendReceiveMessage") ? "(idem)"
                            : number(median(c), 1));
            attribute(files, prefix + "-c", number(median(c), 1));
            for (String binding : ffm ? BINDINGS : List.of("jnr")) {
                List<Double> v = b.get(binding);
                Ratio q = r.get(op + "/" + binding);
                a.append(" | ").append(v == null ? "–" : number(median(v), 1))
                        .append(" | ").append(q == null ? "–" : q.shown());
                if (v != null) {
                    attribute(files, prefix + "-" + binding, number(median(v), 1));
                }
                if (q != null) {
                    attribute(files, prefix + "-" + binding + "-rapport", q.shown());
                    String label = plainText(op) + " (" + (binding.equals("ffm") ? "FFM" : "jnr")
                            + ")";
                    bars.add(new Bar(label, q.mean(), binding.equals("ffm") ? FFM : JAVA,
                            number(q.mean(), 2) + "\u00a0×", q.low(), q.high()));
                    Double target = CALL_TARGETS.get(op);
                    if (binding.equals("ffm") && target != null) {
                        String t = plainText(OPERATIONS.get(op).split(" \\(|,")[0])
                                + " (" + q.shown() + ", cible " + number(target, 1) + ")";
                        (q.high() <= target ? met : q.mean() <= target ? met : missed)
                                .add(q.high() <= target ? t : q.mean() <= target
                                        ? t + " en moyenne seulement" : t);
                    }
                }
            }
            a.append('\n');
        }
        a.append("|===\n");
        files.put("appels.adoc", a.toString());
        attribute(files, "appels-passes", Integer.toString(passes));
        attribute(files, "appels-cible-tenue", met.isEmpty() ? "aucune" : String.join(", ", met));
        attribute(files, "appels-cible-manquee",
                missed.isEmpty() ? "aucune" : String.join(", ", missed));
        files.put("appels-rapports.svg", bars(
                "Appels isolés\u00a0: rapport à C, moyenne des passes et IC 95\u00a0%", bars,
                ffm ? List.of(new Legend("jnr", JAVA), new Legend("FFM", FFM))
                        : List.of(new Legend("jnr", JAVA)), 1));
    }

    // ---------------------------------------------------------------- IPC

    static final Map<String, String> TRANSPORTS = Map.of(
            "unix", "AF_UNIX (flux)", "tcp", "TCP (boucle locale)", "udp", "UDP (boucle locale)",
            "mq", "file de messages POSIX", "shm", "mémoire partagée + sémaphores",
            "spin", "attente active en mémoire partagée", "futex", "futex seul (C)");

    /** Les transports plancher : ce qu'aucun appel système n'allonge, ou presque. */
    static final Set<String> FLOOR = Set.of("spin", "futex");

    /** Cible du rapport Java / C de la médiane pour les transports POSIX. */
    static final double IPC_TARGET = 1.03;

    static final List<String> METRICS = List.of("median_us", "p99_us", "throughput_mib_s");

    static void ipc(List<String[]> csv, List<String[]> ratios, Map<String, String> files) {
        // transport → langage → une liste par métrique, une valeur par passe
        Map<String, Map<String, List<List<Double>>>> m = new LinkedHashMap<>();
        int passes = 0;
        for (String[] l : csv.subList(1, csv.size())) {
            List<List<Double>> v = m.computeIfAbsent(l[0], k -> new LinkedHashMap<>())
                    .computeIfAbsent(l[1], k -> List.of(new ArrayList<>(), new ArrayList<>(),
                            new ArrayList<>()));
            for (int k = 0; k < 3; k++) {
                if (!l[3 + k].isEmpty()) {
                    v.get(k).add(Double.parseDouble(l[3 + k]));
                }
            }
            passes = Math.max(passes, Integer.parseInt(l[2]));
        }
        Map<String, Ratio> r = new LinkedHashMap<>();
        for (String[] l : ratios.subList(1, ratios.size())) {
            r.put(l[0] + "/" + l[1], Ratio.of(l, 2));
        }
        attribute(files, "ipc-passes", Integer.toString(passes));
        StringBuilder lat = new StringBuilder();
        lat.append("[cols=\"22,9,9,19,9,9,19\",options=\"header\"]\n|===\n")
                .append("| Transport | Médiane Java (µs) | Médiane C (µs) | Java / C (IC 95 %) ")
                .append("| p99 Java (µs) | p99 C (µs) | Java / C (IC 95 %)\n");
        StringBuilder tput = new StringBuilder();
        tput.append("[cols=\"3,2,2,3\",options=\"header\"]\n|===\n")
                .append("| Transport | Java (Mio/s) | C (Mio/s) | Java / C (IC 95 %)\n");
        List<String> met = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        List<Bar> median = new ArrayList<>();
        List<Bar> p99 = new ArrayList<>();
        List<Bar> throughput = new ArrayList<>();
        List<Bar> ratioBars = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<List<Double>>>> t : m.entrySet()) {
            String key = t.getKey();
            String name = TRANSPORTS.getOrDefault(key, key);
            List<List<Double>> j = t.getValue().get("Java");
            List<List<Double>> c = t.getValue().get("C");
            Ratio rm = r.get(key + "/median_us");
            Ratio rp = r.get(key + "/p99_us");
            Ratio rt = r.get(key + "/throughput_mib_s");
            lat.append("| ").append(name)
                    .append(" | ").append(j == null ? "–" : number(median(j.get(0)), 2))
                    .append(" | ").append(number(median(c.get(0)), 2))
                    .append(" | ").append(rm == null ? "–" : "*" + rm.shown() + "*")
                    .append(" | ").append(j == null ? "–" : number(median(j.get(1)), 1))
                    .append(" | ").append(number(median(c.get(1)), 1))
                    .append(" | ").append(rp == null ? "–" : rp.shown()).append('\n');
            attribute(files, "ipc-" + key + "-c", number(median(c.get(0)), 2));
            if (j != null) {
                attribute(files, "ipc-" + key + "-java", number(median(j.get(0)), 2));
            }
            if (rm != null) {
                attribute(files, "ipc-" + key + "-rapport", rm.shown());
                ratioBars.add(new Bar(name, rm.mean(), JAVA, number(rm.mean(), 2) + "\u00a0×",
                        rm.low(), rm.high()));
                if (key.equals("mq") || key.equals("shm")) {
                    (rm.mean() <= IPC_TARGET ? met : missed).add(name + " (" + rm.shown() + ")");
                }
            }
            if (rp != null) {
                attribute(files, "ipc-" + key + "-rapport-p99", rp.shown());
            }
            if (!c.get(2).isEmpty()) {
                tput.append("| ").append(name)
                        .append(" | ").append(j == null ? "–" : number(median(j.get(2)), 0))
                        .append(" | ").append(number(median(c.get(2)), 0))
                        .append(" | ").append(rt == null ? "–" : rt.shown()).append('\n');
                if (rt != null) {
                    attribute(files, "ipc-" + key + "-rapport-debit", rt.shown());
                }
            }
            for (int k = 0; k < 3; k++) {
                List<Bar> list = k == 0 ? median : k == 1 ? p99 : throughput;
                int dec = k == 2 ? 0 : k == 0 ? 2 : 1;
                if (j != null && !j.get(k).isEmpty()) {
                    double v = median(j.get(k));
                    list.add(new Bar(name + " (Java)", v, JAVA, number(v, dec)));
                }
                if (!c.get(k).isEmpty()) {
                    double v = median(c.get(k));
                    list.add(new Bar(name + " (C)", v, C, number(v, dec)));
                }
            }
        }
        attribute(files, "ipc-cible-tenue", met.isEmpty() ? "aucun" : String.join(", ", met));
        attribute(files, "ipc-cible-manquee",
                missed.isEmpty() ? "aucun" : String.join(", ", missed));
        lat.append("|===\n");
        tput.append("|===\n");
        files.put("ipc-latence.adoc", lat.toString());
        files.put("ipc-debit.adoc", tput.toString());
        List<Legend> jc = List.of(new Legend("Java", JAVA), new Legend("C (gcc -O2)", C));
        files.put("ipc-mediane.svg", bars(
                "Aller-retour entre deux processus\u00a0: médiane (µs)", median, jc));
        files.put("ipc-p99.svg", bars(
                "Aller-retour entre deux processus\u00a0: 99e centile (µs)", p99, jc));
        files.put("ipc-debit.svg", bars(
                "Messages de 4 Kio, fenêtres de 8\u00a0: débit (Mio/s)", throughput, jc));
        files.put("ipc-rapports.svg", bars(
                "Médiane Java / médiane C\u00a0: moyenne des passes et IC 95\u00a0%",
                ratioBars, List.of(new Legend("Java / C (1 = aussi rapide que C)", JAVA)), 1));
    }

    // ------------------------------------------------------------ échelle

    static final Map<String, String> SERVERS = Map.of(
            "threads", "un thread par connexion", "pool", "pool fixe de 64 threads",
            "selector", "un thread, un Selector",
            "virtual", "un thread virtuel par connexion");

    static void scale(List<String[]> csv, Map<String, String> files) {
        StringBuilder a = new StringBuilder();
        a.append("[cols=\"3,2,2,2,2,2,2\",options=\"header\"]\n|===\n")
                .append("| Serveur | Clients | Allers-retours/s | Médiane (ms) | p99 (ms) ")
                .append("| Threads (max) | RSS max (Mio)\n");
        List<List<Bar>> charts = List.of(new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>());
        List<String> servers = new ArrayList<>();
        for (String s : List.of("threads", "pool", "selector", "virtual")) {
            if (csv.stream().anyMatch(l -> l[0].equals(s))) {
                servers.add(s);
            }
        }
        for (String[] l : csv.subList(1, csv.size())) {
            String name = SERVERS.getOrDefault(l[0], l[0]);
            int n = Integer.parseInt(l[1]);
            double[] v = {Double.parseDouble(l[2]), Double.parseDouble(l[4]),
                Double.parseDouble(l[5]), Double.parseDouble(l[6])};
            a.append("| ").append(name).append(" | ").append(number(n, 0))
                    .append(" | ").append(number(v[0], 0))
                    .append(" | ").append(number(Double.parseDouble(l[3]), 1))
                    .append(" | ").append(number(v[1], 1))
                    .append(" | ").append(number(v[2], 0))
                    .append(" | ").append(number(v[3], 0))
                    .append(l[7].equals("oui") ? "" : " (incomplet)").append('\n');
            attribute(files, "echelle-max", number(n, 0));
            // Les lignes vont par N croissant : « max » finit sur le plus grand N.
            for (String key : List.of(Integer.toString(n), "max")) {
                String prefix = "echelle-" + l[0] + "-" + key;
                attribute(files, prefix + "-debit", number(v[0], 0));
                attribute(files, prefix + "-p99", number(v[1], 1));
                attribute(files, prefix + "-threads", number(v[2], 0));
                attribute(files, prefix + "-rss", number(v[3], 0));
            }
            String colour = SERVER_COLOURS.get(servers.indexOf(l[0]));
            for (int k = 0; k < 4; k++) {
                charts.get(k).add(new Bar(number(n, 0) + " clients, " + l[0], v[k], colour,
                        number(v[k], k == 1 ? 1 : 0)));
            }
        }
        a.append("|===\n");
        files.put("echelle.adoc", a.toString());
        List<Legend> legend = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            legend.add(new Legend(servers.get(i) + "\u00a0: " + SERVERS.get(servers.get(i)),
                    SERVER_COLOURS.get(i)));
        }
        String[] titles = {"Débit\u00a0: allers-retours de 64 octets par seconde",
            "Latence\u00a0: 99e centile (ms)", "Threads du serveur (maximum relevé)",
            "Mémoire résidente du serveur (VmRSS maximum, Mio)"};
        String[] names = {"echelle-debit.svg", "echelle-p99.svg", "echelle-threads.svg",
            "echelle-memoire.svg"};
        for (int k = 0; k < 4; k++) {
            files.put(names[k], bars(titles[k], charts.get(k), legend));
        }
    }

    // ---------------------------------------------------------------- SVG

    /** Une barre ; low et high (NaN : aucun) bornent son intervalle de confiance. */
    record Bar(String label, double value, String colour, String shown, double low,
            double high) {

        Bar(String label, double value, String colour, String shown) {
            this(label, value, colour, shown, Double.NaN, Double.NaN);
        }

        double top() {
            return Double.isNaN(high) ? value : Math.max(value, high);
        }
    }

    record Legend(String text, String colour) {
    }

    static final int WIDTH = 680;
    static final int LEFT = 250;
    static final int BAR_HEIGHT = 16;
    static final int STEP = 20;

    /** Un diagramme en barres horizontales, échelle linéaire partant de zéro. */
    static String bars(String title, List<Bar> bars, List<Legend> legend) {
        return bars(title, bars, legend, Double.NaN);
    }

    /**
     * Idem, avec un trait vertical pointillé à {@code reference} (1 pour un
     * rapport à C : à gauche, Java fait mieux que C ; à droite, moins bien).
     */
    static String bars(String title, List<Bar> bars, List<Legend> legend, double reference) {
        double max = bars.stream().mapToDouble(Bar::top).max().orElse(1);
        int zone = WIDTH - LEFT - 80;
        // La légende va à la ligne quand elle déborde : une ligne de 16 px de plus.
        List<int[]> places = new ArrayList<>();
        int lx = 10;
        int ly = 28;
        for (Legend l : legend) {
            int width = 24 + (int) (l.text().length() * 6.2);
            if (lx > 10 && lx + width > WIDTH) {
                lx = 10;
                ly += 16;
            }
            places.add(new int[] {lx, ly});
            lx += width;
        }
        int top = ly + 22;
        int height = top + bars.size() * STEP + 20;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"DejaVu Sans, sans-serif\" font-size=\"12\">%n",
                WIDTH, height, WIDTH, height));
        s.append(String.format(Locale.ROOT,
                "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n",
                WIDTH, height));
        s.append(svgText(10, 18, title, "start", "bold", "#000000"));
        for (int i = 0; i < legend.size(); i++) {
            Legend l = legend.get(i);
            int x = places.get(i)[0];
            int y = places.get(i)[1];
            s.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>%n",
                    x, y, l.colour()));
            s.append(svgText(x + 14, y + 9, l.text(), "start", "normal", "#000000"));
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = top + i * STEP;
            int l = (int) Math.round(zone * b.value() / max);
            s.append(svgText(LEFT - 6, y + 12, b.label(), "end", "normal", "#000000"));
            s.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n",
                    LEFT, y, Math.max(l, 1), BAR_HEIGHT, b.colour()));
            int end = Math.max(l, 1);
            if (!Double.isNaN(b.low())) {
                // L'intervalle de confiance : un trait de low à high, deux butées.
                int lo = (int) Math.round(zone * Math.max(b.low(), 0) / max);
                int hi = (int) Math.round(zone * b.high() / max);
                int mid = y + BAR_HEIGHT / 2;
                s.append(String.format(Locale.ROOT, "<path d=\"M%d %dH%dM%d %dV%dM%d %dV%d\" "
                        + "stroke=\"#000000\" stroke-width=\"1.5\" fill=\"none\"/>%n",
                        LEFT + lo, mid, LEFT + hi, LEFT + lo, mid - 5, mid + 5, LEFT + hi,
                        mid - 5, mid + 5));
                end = Math.max(end, hi);
            }
            s.append(svgText(LEFT + end + 4, y + 12, b.shown(), "start",
                    "normal", "#333333"));
        }
        s.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000000\"/>%n",
                LEFT, top - 4, LEFT, top + bars.size() * STEP));
        if (!Double.isNaN(reference)) {
            int x = LEFT + (int) Math.round(zone * reference / max);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" "
                    + "y2=\"%d\" stroke=\"#555555\" stroke-dasharray=\"4 3\"/>%n",
                    x, top - 4, x, top + bars.size() * STEP));
        }
        s.append("</svg>\n");
        return s.toString();
    }

    static String svgText(int x, int y, String text, String anchor, String weight,
            String colour) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" "
                + "font-weight=\"%s\" fill=\"%s\">%s</text>%n", x, y, anchor, weight, colour,
                escaped);
    }
}
