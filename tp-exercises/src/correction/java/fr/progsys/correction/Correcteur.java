package fr.progsys.correction;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import fr.progsys.testkit.ChildJvm;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.engine.support.descriptor.MethodSource;

/**
 * Corriger une promotion : pour chaque étudiant et chaque TP, compiler sa
 * copie à part, lancer les tests fournis dans une JVM neuve (dans un bac à
 * sable {@code bwrap} s'il est installé), avec un délai et une limite de
 * mémoire, tuer tout l'arbre de processus à la fin, balayer ce qui reste ;
 * puis écrire les notes et les retours.
 *
 * <pre>./mvnw -q -pl tp-exercises -am test-compile -Dcorriger=&lt;dossier&gt;</pre>
 *
 * Réglages ({@code -D…}) : {@code corriger.tp} (liste de TP, par défaut
 * tous), {@code corriger.delai} (secondes par TP, 120), {@code corriger.memoire}
 * (tas de la JVM, 512m), {@code corriger.paralleles} (étudiants corrigés en
 * même temps, 1), {@code corriger.bac} ({@code non} pour se passer de bwrap).
 */
public final class Correcteur {

    /** Les réglages d'une correction. */
    record Reglages(Path dossier, Path base, Path travail, List<String> tps,
            Duration delai, String memoire, int paralleles, boolean bacAutorise) {

        static Reglages depuisProprietes(String dossier, Path base) {
            String tps = System.getProperty("corriger.tp", "").strip();
            return new Reglages(Path.of(dossier).toAbsolutePath().normalize(), base,
                    Path.of(System.getProperty("corriger.travail",
                            base.resolve("target/correction").toString()))
                            .toAbsolutePath().normalize(),
                    tps.isEmpty() ? List.of() : List.of(tps.split("\\s*,\\s*")),
                    Duration.ofSeconds(Long.parseLong(
                            System.getProperty("corriger.delai", "120").strip())),
                    System.getProperty("corriger.memoire", "512m").strip(),
                    Integer.parseInt(System.getProperty("corriger.paralleles", "1").strip()),
                    !System.getProperty("corriger.bac", "oui").strip().equals("non"));
        }
    }

    /** Un test attendu (découvert sur les tests fournis, sans code d'étudiant). */
    record Attendu(String id, String nom, String classe, String methode) {
    }

    /** Le bilan d'une correction : une ligne par étudiant. */
    record Bilan(List<String> tps, List<Notes.Ligne> lignes, boolean bac, Duration duree) {
    }

    private final Reglages reglages;
    private final PrintStream out;
    private final Optional<BacASable> bac;
    private final Path tests;
    private final Path fourni;
    private final Path fourniClasses;
    private final List<Path> dependances;

    Correcteur(Reglages reglages, PrintStream out) {
        this.reglages = reglages;
        this.out = out;
        this.bac = reglages.bacAutorise() ? BacASable.detecter() : Optional.empty();
        this.tests = reglages.base().resolve("src/test/java");
        this.fourni = reglages.base().resolve("src/fourni/java");
        this.fourniClasses = reglages.travail().resolve("fourni");
        // Le class path de cette JVM, sans les squelettes de tp-exercises :
        // classes de test communes, posix, testkit, JUnit, AssertJ…
        Path squelettes = reglages.base().resolve("target/classes").toAbsolutePath();
        this.dependances = Stream.of(System.getProperty("java.class.path")
                        .split(File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(s -> Path.of(s).toAbsolutePath().normalize())
                .filter(p -> !p.equals(squelettes))
                .toList();
    }

    /**
     * Lancé par Maven (profil {@code corriger-une-promotion}) : le dossier et
     * les réglages arrivent par l'environnement ({@code CORRIGER_DOSSIER},
     * {@code CORRIGER_BASE}, {@code CORRIGER_TP}…), ou en arguments
     * {@code <dossier> <base de tp-exercises>}.
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        for (String cle : List.of("tp", "delai", "memoire", "paralleles", "bac")) {
            String v = System.getenv("CORRIGER_" + cle.toUpperCase(Locale.ROOT));
            if (v != null && System.getProperty("corriger." + cle) == null) {
                System.setProperty("corriger." + cle, v);
            }
        }
        if (args.length < 2 && System.getenv("CORRIGER_DOSSIER") != null) {
            // Un chemin relatif part du dossier où l'on a tapé ./mvnw, pas
            // de tp-exercises où Maven lance cette JVM.
            String dossier = System.getenv("CORRIGER_DOSSIER");
            String depuis = System.getenv("CORRIGER_DEPUIS");
            if (depuis != null && !depuis.isBlank() && !dossier.isBlank()
                    && !dossier.equals("true")) {
                dossier = Path.of(depuis).resolve(dossier).toString();
            }
            args = new String[] {dossier,
                System.getenv().getOrDefault("CORRIGER_BASE", ".")};
        }
        if (args.length < 2 || args[0].isBlank() || args[0].equals("true")) {
            out.println("Usage : ./mvnw -q -pl tp-exercises -am test-compile"
                    + " -Dcorriger=<dossier de la promotion>");
            System.exit(2);
        }
        Path dossier = Path.of(args[0]);
        if (!Files.isDirectory(dossier)) {
            out.println("Dossier de la promotion introuvable : « " + args[0]
                    + " » (un sous-dossier ou une archive .zip par étudiant).");
            System.exit(2);
        }
        int code;
        try {
            Reglages r = Reglages.depuisProprietes(args[0], Path.of(args[1]));
            new Correcteur(r, out).corriger();
            code = 0;
        } catch (NumberFormatException e) {
            out.println("Réglage invalide (corriger.delai, corriger.paralleles) : "
                    + e.getMessage());
            code = 2;
        } catch (IOException | UncheckedIOException | IllegalArgumentException
                | IllegalStateException e) {
            out.println("Correction impossible : " + e.getMessage());
            code = 2;
        }
        System.exit(code);
    }

    Bilan corriger() throws IOException {
        long debut = System.nanoTime();
        List<String> tps = tps();
        supprimer(reglages.travail());
        Files.createDirectories(reglages.travail());
        Compilateur.compilerFourni(fourni, dependances, fourniClasses);
        Map<String, List<Attendu>> attendus = new LinkedHashMap<>();
        for (String tp : tps) {
            attendus.put(tp, decouvrir(tp));
        }
        List<Copies.Copie> copies = Copies.trouver(reglages.dossier(), reglages.travail());
        out.println();
        out.println("Correction de " + copies.size() + " copie(s), TP : "
                + String.join(", ", tps));
        out.println(bac.map(b -> "Bac à sable : " + b + " (réseau : boucle locale seule ;"
                + " /tmp, /dev/shm, IPC privés ; copie en lecture seule)")
                .orElse("SANS BAC À SABLE : bwrap absent ou désactivé, le code des"
                        + " étudiants tourne avec vos droits."));
        out.printf("Limites par TP : %d s, tas %s.%n", reglages.delai().toSeconds(),
                reglages.memoire());
        Path retours = reglages.dossier().resolve("retours");
        supprimer(retours);
        List<Notes.Ligne> lignes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.max(1, reglages.paralleles()));
        try {
            List<Future<Notes.Ligne>> enCours = new ArrayList<>();
            int largeur = copies.stream().mapToInt(c -> c.nom().length()).max()
                    .orElse(1);
            for (Copies.Copie c : copies) {
                enCours.add(pool.submit(() -> corrigerCopie(c, tps, attendus, retours,
                        largeur)));
            }
            for (Future<Notes.Ligne> f : enCours) {
                try {
                    lignes.add(f.get());
                } catch (Exception e) {
                    throw new IllegalStateException("correction interrompue : " + e, e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Duration duree = Duration.ofNanos(System.nanoTime() - debut);
        List<String> entete = new ArrayList<>();
        entete.add("Corrigé le " + LocalDateTime.now().format(
                DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm", Locale.FRENCH))
                + " en " + duree.toSeconds() + " s, " + copies.size() + " copie(s).");
        entete.add(bac.map(b -> "Bac à sable : bwrap (réseau réduit à la boucle locale,"
                + " /tmp, /dev/shm et IPC privés, copie en lecture seule).")
                .orElse("**Sans bac à sable** : bwrap n'est pas installé (ou désactivé) ;"
                        + " le code des étudiants a tourné avec les droits de l'enseignant."));
        entete.add("Limites par TP : " + reglages.delai().toSeconds() + " s, tas de la JVM "
                + reglages.memoire() + ".");
        Notes.ecrire(reglages.dossier(), tps, lignes, entete);
        out.println();
        out.println("Notes : " + reglages.dossier().resolve("notes.md") + " (et notes.csv),"
                + " retours : " + retours + " — " + duree.toSeconds() + " s.");
        return new Bilan(tps, lignes, bac.isPresent(), duree);
    }

    private Notes.Ligne corrigerCopie(Copies.Copie copie, List<String> tps,
            Map<String, List<Attendu>> attendus, Path retours, int largeur)
            throws IOException {
        Map<String, Resultat> resultats = new LinkedHashMap<>();
        for (String tp : tps) {
            Resultat r = corrigerTp(copie, tp, attendus.get(tp));
            resultats.put(tp, r);
            Retours.ecrire(r, retours.resolve(copie.nom()).resolve(tp));
            synchronized (out) {
                out.printf("  %-" + largeur + "s %-12s %7s  %s%s%n", copie.nom(), tp,
                        r.note(),
                        String.format(Locale.FRENCH, "%.1f s", r.secondes()),
                        r.remarque().isEmpty() ? "" : "  (" + r.remarque() + ")");
            }
        }
        return new Notes.Ligne(copie.nom(), resultats);
    }

    Resultat corrigerTp(Copies.Copie copie, String tp, List<Attendu> attendus)
            throws IOException {
        long debut = System.nanoTime();
        if (copie.sources().isEmpty()) {
            return erreur(tp, attendus.size(), copie.probleme(), "copie introuvable",
                    debut);
        }
        Path execution = reglages.travail().resolve("copies").resolve(copie.nom())
                .resolve(tp);
        Path classes = execution.resolve("classes");
        List<Path> cpCompilation = new ArrayList<>();
        cpCompilation.add(fourniClasses);
        cpCompilation.addAll(dependances);
        Compilateur.Verdict v = Compilateur.compiler(tp, copie.sources().get(), tests,
                fourni, cpCompilation, classes);
        if (!v.compile()) {
            return erreur(tp, attendus.size(), v.erreurs(),
                    v.erreurs().startsWith("TP absent") ? "TP absent" : "ne compile pas",
                    debut);
        }
        Path journal = execution.resolve("journal.txt");
        Path sortie = execution.resolve("sortie.txt");
        List<String> cp = new ArrayList<>();
        cp.add(classes.toString());
        cpCompilation.forEach(p -> cp.add(p.toString()));
        Path tmp = execution.resolve("tmp");
        Files.createDirectories(tmp);
        List<String> options = List.of("-Xmx" + reglages.memoire(), "-Xss1m",
                "-XX:+UseSerialGC", "-XX:-UsePerfData", "-XX:+ExitOnOutOfMemoryError",
                "-Djava.io.tmpdir=" + (bac.isPresent() ? "/tmp" : tmp.toString()),
                "-Djava.awt.headless=true");
        List<String> commande = ChildJvm.command(Lanceur.class.getName(),
                String.join(File.pathSeparator, cp), options, tp, journal.toString());
        if (bac.isPresent()) {
            List<Path> lecture = new ArrayList<>();
            lecture.add(copie.racine());
            lecture.add(fourniClasses);
            commande = bac.get().envelopper(commande,
                    List.of(reglages.dossier(), reglages.travail()), lecture, execution);
        }
        Execution.Issue issue = Execution.lancer(commande, execution, sortie,
                reglages.delai(), execution.toString(), bac.isEmpty());
        return interpreter(tp, attendus, Journal.lire(journal), issue,
                lireSortie(sortie), issue.menage(), debut);
    }

    private Resultat interpreter(String tp, List<Attendu> attendus, Journal.Lecture l,
            Execution.Issue issue, String sortie, List<String> menage, long debut) {
        String arret = switch (issue.fin()) {
            case DELAI -> "délai dépassé : le TP a été arrêté au bout de "
                    + reglages.delai().toSeconds() + " s (boucle sans fin, blocage,"
                    + " attente jamais satisfaite ?)";
            case SORTIE_TROP_LONGUE -> "sortie trop volumineuse (plus de "
                    + Execution.MAX_SORTIE / 1024 / 1024 + " Mo) : exécution arrêtée";
            case NORMALE -> l.termine() ? ""
                    : "la JVM s'est arrêtée avant la fin des tests (code " + issue.code()
                    + ") : System.exit, mémoire épuisée (tas " + reglages.memoire()
                    + ") ou plantage";
        };
        String remarque = switch (issue.fin()) {
            case DELAI -> "délai dépassé";
            case SORTIE_TROP_LONGUE -> "sortie trop longue";
            case NORMALE -> l.termine() ? "" : "JVM arrêtée";
        };
        Map<String, Journal.Test> vus = new LinkedHashMap<>();
        l.tests().forEach(t -> vus.put(t.id, t));
        List<Resultat.Cas> cas = new ArrayList<>();
        // L'ordre des tests fournis d'abord, puis ceux que seule l'exécution a vus
        // (tests dynamiques).
        for (Attendu a : attendus) {
            Journal.Test t = vus.remove(a.id());
            cas.add(t == null
                    ? new Resultat.Cas(a.nom(), a.classe(), a.methode(), "error",
                            "non exécuté" + (arret.isEmpty() ? "" : " — " + arret), 0,
                            code(a.classe(), a.methode()))
                    : cas(t, arret));
        }
        vus.values().forEach(t -> cas.add(cas(t, arret)));
        int total = (int) Math.max(Math.max(attendus.size(), l.prevus()), cas.size());
        String message = "";
        String statut;
        if (cas.stream().allMatch(c -> c.statut().equals("pass")) && !cas.isEmpty()) {
            statut = "pass";
        } else if (l.tests().isEmpty()) {
            statut = "error";
            message = (arret.isEmpty() ? "aucun test n'a tourné" : arret)
                    + (sortie.isBlank() ? "" : "\nSortie :\n" + dernieres(sortie, 20));
            if (remarque.isEmpty()) {
                remarque = "aucun test";
            }
        } else {
            statut = "fail";
        }
        if (!menage.isEmpty()) {
            sortie = sortie + "\n--- ménage après l'exécution ---\n"
                    + String.join("\n", menage) + "\n";
        }
        return new Resultat(tp, total, statut, message, remarque, cas, sortie,
                (System.nanoTime() - debut) / 1e9);
    }

    private Resultat.Cas cas(Journal.Test t, String arret) {
        String statut = t.statut;
        String message = t.message;
        if (statut == null) {
            statut = "error";
            message = "interrompu pendant ce test — "
                    + (arret.isEmpty() ? "la JVM s'est arrêtée" : arret);
        }
        return new Resultat.Cas(t.nom, t.classe, t.methode, statut, message, t.ms,
                code(t.classe, t.methode));
    }

    private String code(String classe, String methode) {
        return CodeDesTests.code(tests, classe, methode);
    }

    private Resultat erreur(String tp, int total, String message, String remarque,
            long debut) {
        return new Resultat(tp, total, "error", message, remarque, List.of(), "",
                (System.nanoTime() - debut) / 1e9);
    }

    /** Les tests fournis d'un TP, découverts sans rien exécuter. */
    List<Attendu> decouvrir(String tp) {
        TestPlan plan = LauncherFactory.create().discover(
                LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectPackage("fr.progsys.tp." + tp)).build());
        List<Attendu> a = new ArrayList<>();
        for (TestIdentifier racine : plan.getRoots()) {
            ajouter(plan, racine, a);
        }
        return a;
    }

    private static void ajouter(TestPlan plan, TestIdentifier id, List<Attendu> a) {
        if (id.isTest()) {
            MethodSource m = id.getSource().filter(MethodSource.class::isInstance)
                    .map(MethodSource.class::cast).orElse(null);
            a.add(new Attendu(id.getUniqueId(), id.getDisplayName(),
                    m == null ? "" : m.getClassName(), m == null ? "" : m.getMethodName()));
        }
        for (TestIdentifier enfant : plan.getChildren(id)) {
            ajouter(plan, enfant, a);
        }
    }

    /** Les TP à corriger : ceux demandés, sinon tous, dans l'ordre du livre. */
    List<String> tps() throws IOException {
        List<String> tous = new ArrayList<>();
        try {
            Field f = Class.forName("fr.progsys.tp.Resultats").getDeclaredField("TPS");
            f.setAccessible(true);
            for (Object o : (List<?>) f.get(null)) {
                tous.add(o.toString());
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // liste introuvable : les paquetages de tests, par ordre alphabétique
        }
        Path racine = tests.resolve("fr/progsys/tp");
        try (Stream<Path> s = Files.list(racine)) {
            s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
                    .filter(tp -> !tous.contains(tp)).forEach(tous::add);
        }
        if (reglages.tps().isEmpty()) {
            return tous;
        }
        for (String tp : reglages.tps()) {
            if (!tous.contains(tp)) {
                throw new IllegalArgumentException("TP inconnu : « " + tp + " ». Les TP : "
                        + String.join(", ", tous));
            }
        }
        return reglages.tps();
    }

    private static String lireSortie(Path sortie) {
        try {
            if (!Files.exists(sortie)) {
                return "";
            }
            long n = Files.size(sortie);
            byte[] b;
            try (var in = Files.newInputStream(sortie)) {
                b = in.readNBytes((int) Math.min(n, 64 * 1024));
            }
            String s = new String(b, StandardCharsets.UTF_8);
            return n > b.length ? s + "\n[… sortie tronquée : " + n + " octets]\n" : s;
        } catch (IOException e) {
            return "";
        }
    }

    private static String dernieres(String s, int n) {
        List<String> l = s.lines().toList();
        return l.subList(Math.max(0, l.size() - n), l.size()).stream()
                .collect(Collectors.joining("\n"));
    }

    static void supprimer(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
