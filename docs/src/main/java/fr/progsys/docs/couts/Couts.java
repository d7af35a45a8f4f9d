package fr.progsys.docs.couts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fabrique, avant Asciidoctor, les tableaux (fragments AsciiDoc) et les
 * graphiques (SVG) du chapitre « Combien ça coûte ? » à partir des CSV
 * enregistrés dans {@code docs/src/docs/asciidoc/couts/resultats}.
 *
 * <p>Lancé comme programme d'un seul fichier ({@code java Couts.java …}) par le
 * build du livre : {@code <résultats> <sortie> <images-html>}.
 */
public final class Couts {

    static final String JAVA = "#1f77b4";
    static final String C = "#ff7f0e";
    static final List<String> SERVEUR_COULEURS = List.of("#2ca02c", "#9467bd", "#d62728", "#1f77b4");

    private Couts() {
    }

    public static void main(String[] args) throws IOException {
        Path resultats = Path.of(args[0]);
        Path sortie = Files.createDirectories(Path.of(args[1]));
        Path html = Files.createDirectories(Path.of(args[2]));
        Map<String, String> fichiers = new LinkedHashMap<>();
        fichiers.put("valeurs.adoc", "");
        machine(lire(resultats.resolve("machine.csv")), fichiers);
        compteurs(lire(resultats.resolve("compteurs.csv")), fichiers);
        appels(lire(resultats.resolve("appels.csv")), fichiers);
        ipc(lire(resultats.resolve("ipc.csv")), fichiers);
        echelle(lire(resultats.resolve("echelle.csv")), fichiers);
        // Une partie remesurée à part (./mvnw -Pbench … -Dbench.parties=echelle)
        // a sa propre machine : son JDK et sa date, dits à côté de ses tableaux.
        for (String partie : List.of("compteurs", "appels", "ipc", "echelle")) {
            Path m = resultats.resolve("machine-" + partie + ".csv");
            Map<String, String> v = new LinkedHashMap<>();
            for (String[] l : lire(Files.exists(m) ? m : resultats.resolve("machine.csv"))) {
                if (l.length > 1) {
                    v.put(l[0], l[1]);
                }
            }
            attribut(fichiers, partie + "-jdk", v.get("jdk"));
            attribut(fichiers, partie + "-date", v.get("date").replace('T', ' ')
                    .replace("Z", "\u00a0UTC"));
            attribut(fichiers, partie + "-charge", v.get("charge_au_depart").replace('.', ','));
        }
        for (Map.Entry<String, String> f : fichiers.entrySet()) {
            Files.writeString(sortie.resolve(f.getKey()), f.getValue());
            if (f.getKey().endsWith(".svg")) {
                Files.writeString(html.resolve(f.getKey()), f.getValue());
            }
        }
    }

    // ---------------------------------------------------------------- CSV

    /** Les lignes d'un CSV simple (virgules, pas de guillemets), en-tête compris. */
    static List<String[]> lire(Path csv) throws IOException {
        List<String[]> lignes = new ArrayList<>();
        for (String l : Files.readAllLines(csv)) {
            if (!l.isBlank()) {
                lignes.add(l.split(",", -1));
            }
        }
        return lignes;
    }

    /** 1234.5 → « 1 234,5 » (espace insécable, virgule décimale). */
    static String nombre(double x, int decimales) {
        String s = String.format(Locale.ROOT, "%." + decimales + "f", x);
        String entier = s.contains(".") ? s.substring(0, s.indexOf('.')) : s;
        String fraction = s.contains(".") ? "," + s.substring(s.indexOf('.') + 1) : "";
        StringBuilder groupe = new StringBuilder();
        int debut = entier.startsWith("-") ? 1 : 0;
        for (int i = debut; i < entier.length(); i++) {
            if (i > debut && (entier.length() - i) % 3 == 0) {
                groupe.append('\u00A0');
            }
            groupe.append(entier.charAt(i));
        }
        return (debut == 1 ? "-" : "") + groupe + fraction;
    }

    static String rapport(double java, double c) {
        return nombre(java / c, 2) + "\u00A0×";
    }

    // ------------------------------------------------------------ machine

    static void machine(List<String[]> csv, Map<String, String> fichiers) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String[] l : csv.subList(1, csv.size())) {
            m.put(l[0], l[1]);
        }
        String date = m.get("date").replace('T', ' ').replace("Z", " UTC");
        long duree = Long.parseLong(m.get("duree_s"));
        StringBuilder a = new StringBuilder();
        a.append("[cols=\"1,3\"]\n|===\n");
        a.append("| Processeur | ").append(m.get("processeur")).append(", ")
                .append(m.get("coeurs")).append(" cœurs vus par la JVM\n");
        a.append("| Mémoire | ").append(m.get("memoire")).append('\n');
        a.append("| Noyau | ").append(m.get("noyau")).append('\n');
        a.append("| Machine virtuelle | ").append(m.getOrDefault("machine_virtuelle", "?"))
                .append(" (drapeau `hypervisor` de `/proc/cpuinfo`)\n");
        // Texte du noyau (/sys/devices/system/cpu/vulnerabilities/meltdown), en
        // anglais : écrit comme du code, hors typographie française.
        a.append("| Protection Meltdown | `").append(m.getOrDefault("meltdown", "?")).append('`')
                .append(" (PTI\u00a0: le noyau change de table des pages à chaque appel système)\n");
        a.append("| JDK | ").append(m.get("jdk")).append('\n');
        a.append("| Compilateur C | ").append(m.get("gcc")).append('\n');
        a.append("| Date de la mesure | ").append(date).append('\n');
        a.append("| Durée du passage | ").append(duree / 60).append(" min ")
                .append(String.format("%02d", duree % 60)).append(" s (mode ")
                .append(m.get("mode")).append(")\n");
        a.append("| Charge au départ | ").append(m.get("charge_au_depart").replace('.', ','))
                .append(" (moyenne de charge sur 1 min, `/proc/loadavg`)\n");
        a.append("|===\n");
        fichiers.put("machine.adoc", a.toString());
        attribut(fichiers, "couts-date", date);
        attribut(fichiers, "couts-coeurs", m.get("coeurs"));
    }

    /** Ajoute {@code :nom: valeur} à valeurs.adoc, que le chapitre inclut en tête. */
    static void attribut(Map<String, String> fichiers, String nom, String valeur) {
        fichiers.merge("valeurs.adoc", ":" + nom + ": " + valeur + "\n", String::concat);
    }

    // ---------------------------------------------------------- compteurs

    static final Map<String, String> VARIANTES = Map.of(
            "sansVerrou", "sans verrou (`volatile`)",
            "synchronise", "`synchronized`",
            "reentrantLock", "`ReentrantLock`",
            "atomicInteger", "`AtomicInteger`",
            "longAdder", "`LongAdder`",
            "sommesLocales", "sommes locales fusionnées",
            "sans-verrou", "sans verrou (`volatile`)",
            "mutex", "`pthread_mutex`",
            "atomique", "`+__atomic_fetch_add+`");

    static final List<String> ORDRE = List.of("sansVerrou", "sans-verrou", "synchronise",
            "reentrantLock", "mutex", "atomicInteger", "atomique", "longAdder", "sommesLocales");

    static void compteurs(List<String[]> csv, Map<String, String> fichiers) {
        List<String[]> lignes = new ArrayList<>(csv.subList(1, csv.size()));
        lignes.sort((x, y) -> Integer.compare(ORDRE.indexOf(x[1]), ORDRE.indexOf(y[1])));
        StringBuilder a = new StringBuilder();
        a.append("[cols=\"30,13,17,24,10\",options=\"header\"]\n|===\n")
                .append("| Variante | Langage | ns par incrément ")
                .append("| Valeur finale (la plus petite) | Juste\u00a0?\n");
        List<Barre> barres = new ArrayList<>();
        for (String[] l : lignes) {
            double ns = Double.parseDouble(l[2]);
            boolean juste = l[3].equals(l[4]);
            attribut(fichiers, ("cout-" + l[0] + "-" + l[1]).toLowerCase(Locale.ROOT),
                    nombre(ns, 1));
            a.append("| ").append(VARIANTES.getOrDefault(l[1], l[1])).append(" | ").append(l[0])
                    .append(" | ").append(nombre(ns, 2))
                    .append(" | ").append(nombre(Long.parseLong(l[3]), 0))
                    .append(" | ").append(juste ? "oui" : "*non*").append('\n');
            barres.add(new Barre(texte(VARIANTES.getOrDefault(l[1], l[1])) + " (" + l[0] + ")",
                    ns, l[0].equals("Java") ? JAVA : C, nombre(ns, 2)));
        }
        a.append("|===\n");
        fichiers.put("compteurs.adoc", a.toString());
        fichiers.put("compteurs.svg", barres(
                "3 threads × 10 000 000 incréments\u00a0: nanosecondes par incrément", barres,
                List.of(new Legende("Java (JMH)", JAVA), new Legende("C (gcc -O2)", C))));
    }

    /** Le libellé AsciiDoc sans sa mise en forme, pour le SVG. */
    static String texte(String adoc) {
        return adoc.replace("`", "").replace("+", "");
    }

    // ------------------------------------------------------------- appels

    static final Map<String, String> OPERATIONS = Map.of(
            "getppid", "`getppid()`, l'appel système le plus simple",
            "semPostTrywait", "`sem_post` puis `sem_trywait` (sans blocage)",
            "mqSendReceive", "`mq_send` puis `mq_receive` de 64 octets",
            "shmPutGet", "copier 64 octets dans la mémoire partagée, puis les relire");

    static final List<String> ORDRE_OPERATIONS = List.of("getppid", "semPostTrywait",
            "mqSendReceive", "shmPutGet");

    static void appels(List<String[]> csv, Map<String, String> fichiers) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (String[] l : csv.subList(1, csv.size())) {
            m.computeIfAbsent(l[0], k -> new double[2])[l[1].equals("Java") ? 0 : 1] =
                    Double.parseDouble(l[2]);
        }
        StringBuilder a = new StringBuilder();
        a.append("[cols=\"40,13,13,15,13\",options=\"header\"]\n|===\n")
                .append("| Opération | Java (ns) | C (ns) | Java − C (ns) | Java / C\n");
        List<Barre> barres = new ArrayList<>();
        for (String op : ORDRE_OPERATIONS) {
            double[] v = m.get(op);
            if (v == null) {
                continue;
            }
            a.append("| ").append(OPERATIONS.get(op)).append(" | ").append(nombre(v[0], 0))
                    .append(" | ").append(nombre(v[1], 0))
                    .append(" | ").append(nombre(v[0] - v[1], 0))
                    .append(" | ").append(rapport(v[0], v[1])).append('\n');
            String prefixe = "appel-" + op.toLowerCase(Locale.ROOT);
            attribut(fichiers, prefixe + "-java", nombre(v[0], 0));
            attribut(fichiers, prefixe + "-c", nombre(v[1], 0));
            attribut(fichiers, prefixe + "-ecart", nombre(v[0] - v[1], 0));
        }
        a.append("|===\n");
        fichiers.put("appels.adoc", a.toString());
    }

    // ---------------------------------------------------------------- IPC

    static final Map<String, String> TRANSPORTS = Map.of(
            "unix", "AF_UNIX (flux)", "tcp", "TCP (boucle locale)", "udp", "UDP (boucle locale)",
            "mq", "file de messages POSIX", "shm", "mémoire partagée + sémaphores");

    /** transport → langage → [médiane µs, p99 µs, débit Mio/s]. */
    static Map<String, Map<String, double[]>> parTransport(List<String[]> csv) {
        Map<String, Map<String, double[]>> m = new LinkedHashMap<>();
        for (String[] l : csv.subList(1, csv.size())) {
            m.computeIfAbsent(l[0], k -> new LinkedHashMap<>()).put(l[1], new double[] {
                Double.parseDouble(l[2]), Double.parseDouble(l[3]), Double.parseDouble(l[4])});
        }
        return m;
    }

    static void ipc(List<String[]> csv, Map<String, String> fichiers) {
        Map<String, Map<String, double[]>> m = parTransport(csv);
        StringBuilder lat = new StringBuilder();
        lat.append("[cols=\"3,2,2,2,2,2,2\",options=\"header\"]\n|===\n")
                .append("| Transport | Médiane Java (µs) | Médiane C (µs) | Java / C ")
                .append("| p99 Java (µs) | p99 C (µs) | Java / C\n");
        StringBuilder deb = new StringBuilder();
        deb.append("[cols=\"3,2,2,2\",options=\"header\"]\n|===\n")
                .append("| Transport | Java (Mio/s) | C (Mio/s) | Java / C\n");
        List<String> tenu = new ArrayList<>();
        List<String> manque = new ArrayList<>();
        List<Barre> mediane = new ArrayList<>();
        List<Barre> p99 = new ArrayList<>();
        List<Barre> debit = new ArrayList<>();
        for (Map.Entry<String, Map<String, double[]>> t : m.entrySet()) {
            String nom = TRANSPORTS.getOrDefault(t.getKey(), t.getKey());
            double[] j = t.getValue().get("Java");
            double[] c = t.getValue().get("C");
            lat.append("| ").append(nom)
                    .append(" | ").append(j == null ? "–" : nombre(j[0], 1))
                    .append(" | ").append(nombre(c[0], 1))
                    .append(" | ").append(j == null ? "–" : "*" + rapport(j[0], c[0]) + "*")
                    .append(" | ").append(j == null ? "–" : nombre(j[1], 1))
                    .append(" | ").append(nombre(c[1], 1))
                    .append(" | ").append(j == null ? "–" : rapport(j[1], c[1])).append('\n');
            if (j != null) {
                List<String> liste = j[0] / c[0] <= 1.05 ? tenu : manque;
                liste.add(nom + " (" + rapport(j[0], c[0]) + ")");
                attribut(fichiers, "ipc-" + t.getKey() + "-rapport", rapport(j[0], c[0]));
                attribut(fichiers, "ipc-" + t.getKey() + "-rapport-p99", rapport(j[1], c[1]));
                attribut(fichiers, "ipc-" + t.getKey() + "-rapport-debit", rapport(j[2], c[2]));
            }
            attribut(fichiers, "ipc-" + t.getKey() + "-c", nombre(c[0], 1));
            deb.append("| ").append(nom)
                    .append(" | ").append(j == null ? "–" : nombre(j[2], 0))
                    .append(" | ").append(nombre(c[2], 0))
                    .append(" | ").append(j == null ? "–" : rapport(j[2], c[2])).append('\n');
            for (int k = 0; k < 3; k++) {
                List<Barre> liste = k == 0 ? mediane : k == 1 ? p99 : debit;
                int dec = k == 2 ? 0 : 1;
                if (j != null) {
                    liste.add(new Barre(nom + " (Java)", j[k], JAVA, nombre(j[k], dec)));
                }
                liste.add(new Barre(nom + " (C)", c[k], C, nombre(c[k], dec)));
            }
        }
        attribut(fichiers, "ipc-cible-tenue",
                tenu.isEmpty() ? "aucun" : String.join(", ", tenu));
        attribut(fichiers, "ipc-cible-manquee",
                manque.isEmpty() ? "aucun" : String.join(", ", manque));
        lat.append("|===\n");
        deb.append("|===\n");
        fichiers.put("ipc-latence.adoc", lat.toString());
        fichiers.put("ipc-debit.adoc", deb.toString());
        List<Legende> jc = List.of(new Legende("Java", JAVA), new Legende("C (gcc -O2)", C));
        fichiers.put("ipc-mediane.svg", barres(
                "Aller-retour de 64 octets entre deux processus\u00a0: médiane (µs)", mediane, jc));
        fichiers.put("ipc-p99.svg", barres(
                "Aller-retour de 64 octets\u00a0: 99e centile (µs)", p99, jc));
        fichiers.put("ipc-debit.svg", barres(
                "Messages de 4 Kio, fenêtres de 8\u00a0: débit (Mio/s)", debit, jc));
    }

    // ------------------------------------------------------------ échelle

    static final Map<String, String> SERVEURS = Map.of(
            "threads", "un thread par connexion", "pool", "pool fixe de 64 threads",
            "selector", "un thread, un Selector",
            "virtuels", "un thread virtuel par connexion");

    static void echelle(List<String[]> csv, Map<String, String> fichiers) {
        StringBuilder a = new StringBuilder();
        a.append("[cols=\"3,2,2,2,2,2,2\",options=\"header\"]\n|===\n")
                .append("| Serveur | Clients | Allers-retours/s | Médiane (ms) | p99 (ms) ")
                .append("| Threads (max) | RSS max (Mio)\n");
        List<List<Barre>> graphes = List.of(new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>());
        List<String> serveurs = new ArrayList<>();
        for (String s : List.of("threads", "pool", "selector", "virtuels")) {
            if (csv.stream().anyMatch(l -> l[0].equals(s))) {
                serveurs.add(s);
            }
        }
        for (String[] l : csv.subList(1, csv.size())) {
            String nom = SERVEURS.getOrDefault(l[0], l[0]);
            int n = Integer.parseInt(l[1]);
            double[] v = {Double.parseDouble(l[2]), Double.parseDouble(l[4]),
                Double.parseDouble(l[5]), Double.parseDouble(l[6])};
            a.append("| ").append(nom).append(" | ").append(nombre(n, 0))
                    .append(" | ").append(nombre(v[0], 0))
                    .append(" | ").append(nombre(Double.parseDouble(l[3]), 1))
                    .append(" | ").append(nombre(v[1], 1))
                    .append(" | ").append(nombre(v[2], 0))
                    .append(" | ").append(nombre(v[3], 0))
                    .append(l[7].equals("oui") ? "" : " (incomplet)").append('\n');
            attribut(fichiers, "echelle-max", nombre(n, 0));
            // Les lignes vont par N croissant : « max » finit sur le plus grand N.
            for (String cle : List.of(Integer.toString(n), "max")) {
                String prefixe = "echelle-" + l[0] + "-" + cle;
                attribut(fichiers, prefixe + "-debit", nombre(v[0], 0));
                attribut(fichiers, prefixe + "-p99", nombre(v[1], 1));
                attribut(fichiers, prefixe + "-threads", nombre(v[2], 0));
                attribut(fichiers, prefixe + "-rss", nombre(v[3], 0));
            }
            String couleur = SERVEUR_COULEURS.get(serveurs.indexOf(l[0]));
            for (int k = 0; k < 4; k++) {
                graphes.get(k).add(new Barre(nombre(n, 0) + " clients, " + l[0], v[k], couleur,
                        nombre(v[k], k == 1 ? 1 : 0)));
            }
        }
        a.append("|===\n");
        fichiers.put("echelle.adoc", a.toString());
        List<Legende> legende = new ArrayList<>();
        for (int i = 0; i < serveurs.size(); i++) {
            legende.add(new Legende(serveurs.get(i) + "\u00a0: " + SERVEURS.get(serveurs.get(i)),
                    SERVEUR_COULEURS.get(i)));
        }
        String[] titres = {"Débit\u00a0: allers-retours de 64 octets par seconde",
            "Latence\u00a0: 99e centile (ms)", "Threads du serveur (maximum relevé)",
            "Mémoire résidente du serveur (VmRSS maximum, Mio)"};
        String[] noms = {"echelle-debit.svg", "echelle-p99.svg", "echelle-threads.svg",
            "echelle-memoire.svg"};
        for (int k = 0; k < 4; k++) {
            fichiers.put(noms[k], barres(titres[k], graphes.get(k), legende));
        }
    }

    // ---------------------------------------------------------------- SVG

    record Barre(String libelle, double valeur, String couleur, String affichee) {
    }

    record Legende(String texte, String couleur) {
    }

    static final int LARGEUR = 680;
    static final int GAUCHE = 250;
    static final int HAUTEUR_BARRE = 16;
    static final int PAS = 20;

    /** Un diagramme en barres horizontales, échelle linéaire partant de zéro. */
    static String barres(String titre, List<Barre> barres, List<Legende> legende) {
        double max = barres.stream().mapToDouble(Barre::valeur).max().orElse(1);
        int zone = LARGEUR - GAUCHE - 80;
        // La légende va à la ligne quand elle déborde : une ligne de 16 px de plus.
        List<int[]> places = new ArrayList<>();
        int lx = 10;
        int ly = 28;
        for (Legende l : legende) {
            int largeur = 24 + (int) (l.texte().length() * 6.2);
            if (lx > 10 && lx + largeur > LARGEUR) {
                lx = 10;
                ly += 16;
            }
            places.add(new int[] {lx, ly});
            lx += largeur;
        }
        int haut = ly + 22;
        int hauteur = haut + barres.size() * PAS + 20;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"DejaVu Sans, sans-serif\" font-size=\"11\">%n",
                LARGEUR, hauteur, LARGEUR, hauteur));
        s.append(String.format(Locale.ROOT,
                "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n",
                LARGEUR, hauteur));
        s.append(texteSvg(10, 18, titre, "start", "bold", "#000000"));
        for (int i = 0; i < legende.size(); i++) {
            Legende l = legende.get(i);
            int x = places.get(i)[0];
            int y = places.get(i)[1];
            s.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>%n",
                    x, y, l.couleur()));
            s.append(texteSvg(x + 14, y + 9, l.texte(), "start", "normal", "#000000"));
        }
        for (int i = 0; i < barres.size(); i++) {
            Barre b = barres.get(i);
            int y = haut + i * PAS;
            int l = (int) Math.round(zone * b.valeur() / max);
            s.append(texteSvg(GAUCHE - 6, y + 12, b.libelle(), "end", "normal", "#000000"));
            s.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n",
                    GAUCHE, y, Math.max(l, 1), HAUTEUR_BARRE, b.couleur()));
            s.append(texteSvg(GAUCHE + Math.max(l, 1) + 4, y + 12, b.affichee(), "start",
                    "normal", "#333333"));
        }
        s.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000000\"/>%n",
                GAUCHE, haut - 4, GAUCHE, haut + barres.size() * PAS));
        s.append("</svg>\n");
        return s.toString();
    }

    static String texteSvg(int x, int y, String texte, String ancre, String graisse,
            String couleur) {
        String echappe = texte.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" "
                + "font-weight=\"%s\" fill=\"%s\">%s</text>%n", x, y, ancre, graisse, couleur,
                echappe);
    }
}
