package fr.progsys.docs.diapos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fabrique l'édition « diapositives » (reveal.js) de chaque chapitre à partir
 * des sources AsciiDoc du livre : rien n'est recopié à la main, une
 * diapositive suit donc toujours le livre.
 *
 * <p>Chaque section du livre qui porte une ancre {@code [[slide-<id>]]}
 * devient une diapositive du même titre, avec les mêmes listings (les régions
 * de code testées et les sorties capturées par le build, par les mêmes
 * {@code include::}), les mêmes tableaux et les mêmes figures. La prose reste
 * au livre ; les encadrés Précision deviennent les notes de l'orateur (touche
 * {@code s} dans reveal.js). Un listing de plus s'ouvre sur une diapositive
 * verticale sous la première.
 *
 * <p>Lancé par le build (exec, phase generate-sources), comme
 * {@code costs/Costs.java} : {@code java Diapositives.java <asciidoc> <sortie>}.
 */
public final class Diapositives {

    /** Un paquet de diapositives par chapitre : fichier du livre, titre, nom. */
    record Chapitre(String source, String titre, String nom) {
    }

    /** La liste des diapositives du cours, relative au dossier AsciiDoc. */
    static final String LISTE = "diapositives.csv";

    static final Pattern TITRE_CHAPITRE = Pattern.compile("^== (.+)$");

    static final Pattern INCLUDE_ADOC = Pattern.compile("^include::([^{}\\[]+\\.adoc)\\[\\]\\s*$");
    static final Pattern ANCRE = Pattern.compile("\\[\\[(slide-[a-z]\\d\\d)\\]\\]");
    static final Pattern TITRE = Pattern.compile("^(={2,5}) (.+)$");
    static final Pattern XREF = Pattern.compile("<<([^,>]+)(?:,\\s*([^>]+))?>>");
    static final Pattern FENCE = Pattern.compile("^(-{4,}|\\.{4,}|={4,}|\\*{4,}|_{4,}|\\+{4,})\\s*$");

    private Diapositives() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage : java Diapositives.java <dossier asciidoc> <sortie>");
            System.exit(2);
        }
        Path sources = Path.of(args[0]);
        Path sortie = Files.createDirectories(Path.of(args[1]));
        for (Chapitre c : chapitres(sources)) {
            List<String> lignes = deplier(sources.resolve(c.source()));
            String paquet = paquet(c, lignes);
            Files.writeString(sortie.resolve(c.nom() + ".adoc"), paquet, StandardCharsets.UTF_8);
            System.out.println("diapositives : " + c.nom() + ".adoc ("
                    + compter(paquet) + " diapositives)");
        }
    }

    /**
     * Les chapitres, dans l'ordre où la liste des diapositives
     * ({@value #LISTE}, deuxième champ) les nomme : le chapitre {@code ipc}
     * est le fichier {@code chapitres/NN-ipc.adoc}, son titre la première
     * ligne {@code == } de ce fichier. Ajouter un chapitre, c'est ajouter ses
     * lignes à la liste et son fichier au livre, sans toucher à ce programme.
     */
    static List<Chapitre> chapitres(Path sources) throws IOException {
        Set<String> noms = new LinkedHashSet<>();
        boolean entete = true;
        for (String l : Files.readAllLines(sources.resolve(LISTE), StandardCharsets.UTF_8)) {
            String ligne = l.strip();
            if (ligne.isEmpty() || ligne.startsWith("#")) {
                continue;
            }
            if (entete) { // id;chapitre;titre;ancre
                entete = false;
                continue;
            }
            String[] champs = ligne.split(";", -1);
            if (champs.length != 4) {
                throw new IllegalArgumentException(LISTE + " : ligne mal formée « " + ligne + " »");
            }
            noms.add(champs[1].strip());
        }
        List<Chapitre> chapitres = new ArrayList<>();
        for (String nom : noms) {
            List<Path> fichiers;
            try (var liste = Files.list(sources.resolve("chapitres"))) {
                fichiers = liste.filter(p -> p.getFileName().toString()
                        .matches("\\d\\d-" + Pattern.quote(nom) + "\\.adoc")).toList();
            }
            if (fichiers.size() != 1) {
                throw new IllegalArgumentException("chapitre « " + nom + " » de " + LISTE
                        + " : un fichier chapitres/NN-" + nom + ".adoc attendu, "
                        + fichiers.size() + " trouvés");
            }
            Path fichier = fichiers.get(0);
            String titre = Files.readAllLines(fichier, StandardCharsets.UTF_8).stream()
                    .map(TITRE_CHAPITRE::matcher).filter(Matcher::matches)
                    .map(m -> m.group(1).strip()).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(fichier
                            + " : pas de titre « == » de chapitre"));
            chapitres.add(new Chapitre("chapitres/" + fichier.getFileName(), titre, nom));
        }
        return chapitres;
    }

    static long compter(String paquet) {
        return paquet.lines().filter(l -> l.startsWith("== ")).count();
    }

    /** Le chapitre avec ses {@code include::x.adoc[]} remplacés par leur texte. */
    static List<String> deplier(Path fichier) throws IOException {
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(fichier, StandardCharsets.UTF_8)) {
            Matcher m = INCLUDE_ADOC.matcher(l);
            if (m.matches()) {
                out.addAll(deplier(fichier.resolveSibling(m.group(1))));
            } else {
                out.add(l);
            }
        }
        return out;
    }

    /** Une section du livre qui deviendra une diapositive. */
    static final class Section {
        final Set<String> ancres = new LinkedHashSet<>();
        String titre;
        final List<List<String>> blocs = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
    }

    static String paquet(Chapitre c, List<String> lignes) {
        List<Section> sections = decouper(lignes);
        StringBuilder s = new StringBuilder();
        s.append("= ").append(c.titre()).append('\n')
                .append("// Fabriqué par Diapositives.java à partir du livre : ne pas modifier.\n")
                .append("include::{diapos-src}/attributs.adoc[]\n\n");
        for (Section sec : sections) {
            String id = sec.ancres.iterator().next();
            s.append("[#").append(id).append("]\n");
            s.append("== ").append(sec.titre).append('\n');
            // Les autres identifiants : des <span id> (le convertisseur reveal.js
            // ne rend pas l'id des ancres [[…]] en ligne).
            s.append("[.diapo-ids]\n").append(ids(sec, id)).append("\n\n");
            for (int i = 0; i < sec.blocs.size(); i++) {
                if (i > 0) {
                    s.append("=== ").append(sec.titre).append(" (suite)\n\n");
                }
                sec.blocs.get(i).forEach(l -> s.append(l).append('\n'));
                s.append('\n');
                if (i == 0 && !sec.notes.isEmpty()) {
                    s.append("[.notes]\n****\n");
                    sec.notes.forEach(l -> s.append(l).append('\n'));
                    s.append("****\n\n");
                }
            }
            if (sec.blocs.isEmpty() && !sec.notes.isEmpty()) {
                s.append("[.notes]\n****\n");
                sec.notes.forEach(l -> s.append(l).append('\n'));
                s.append("****\n\n");
            }
        }
        return s.toString();
    }

    static String ids(Section sec, String premier) {
        List<String> ids = new ArrayList<>();
        for (String a : sec.ancres) {
            String id = a.substring("slide-".length()).toUpperCase(java.util.Locale.ROOT);
            ids.add(a.equals(premier) ? id : "[#" + a + "]#" + id + "#");
        }
        return "Diapositive" + (ids.size() > 1 ? "s " : " ") + String.join(", ", ids);
    }

    /**
     * Découpe le chapitre en sections à ancre de diapositive ; garde de chacune
     * les listings, tableaux, figures et encadrés Précision.
     */
    static List<Section> decouper(List<String> lignes) {
        List<Section> sections = new ArrayList<>();
        Section courante = null;
        List<String> ancresEnAttente = new ArrayList<>();
        int i = 0;
        while (i < lignes.size()) {
            String l = lignes.get(i);
            Matcher t = TITRE.matcher(l);
            if (t.matches() && t.group(1).length() >= 3) {
                if (!ancresEnAttente.isEmpty()) {
                    courante = new Section();
                    courante.ancres.addAll(ancresEnAttente);
                    courante.titre = sansXref(t.group(2));
                    sections.add(courante);
                    ancresEnAttente.clear();
                } else if (t.group(1).length() <= 3) {
                    courante = null; // section sans diapositive : ni la sienne, ni la précédente
                }
                i++;
                continue;
            }
            Matcher a = ANCRE.matcher(l);
            boolean ancres = false;
            while (a.find()) {
                ancres = true;
                if (courante != null && !ligneSuivanteEstTitre(lignes, i)) {
                    courante.ancres.add(a.group(1));
                } else {
                    ancresEnAttente.add(a.group(1));
                }
            }
            if (ancres) {
                i++;
                continue;
            }
            if (courante == null) {
                i++;
                continue;
            }
            if (l.startsWith("NOTE: ")) {
                int fin = finDeParagraphe(lignes, i);
                courante.notes.add(sansXref(l.substring("NOTE: ".length())));
                for (int k = i + 1; k < fin; k++) {
                    courante.notes.add(sansXref(lignes.get(k)));
                }
                courante.notes.add("");
                i = fin;
                continue;
            }
            if (l.equals("[NOTE]") && i + 1 < lignes.size() && FENCE.matcher(lignes.get(i + 1)).matches()) {
                String fence = lignes.get(i + 1).strip();
                int k = i + 2;
                while (k < lignes.size() && !lignes.get(k).strip().equals(fence)) {
                    courante.notes.add(sansXref(lignes.get(k)));
                    k++;
                }
                courante.notes.add("");
                i = k + 1;
                continue;
            }
            if (debutDeBloc(l)) {
                List<String> bloc = new ArrayList<>();
                if (i > 0 && lignes.get(i - 1).matches("^\\.[^.\\s].*")) {
                    bloc.add(sansXref(lignes.get(i - 1))); // le titre du listing ou de la figure
                }
                int k = i;
                if (l.startsWith("|===")) {
                    bloc.add(l);
                    k++;
                    while (k < lignes.size() && !lignes.get(k).startsWith("|===")) {
                        bloc.add(sansXref(lignes.get(k)));
                        k++;
                    }
                    bloc.add(lignes.get(Math.min(k, lignes.size() - 1)));
                    i = k + 1;
                } else {
                    bloc.add(l); // [source…] ou [plantuml…] ou [cols…]
                    k++;
                    if (k < lignes.size() && lignes.get(k).startsWith("|===")) {
                        bloc.add(lignes.get(k));
                        k++;
                        while (k < lignes.size() && !lignes.get(k).startsWith("|===")) {
                            bloc.add(sansXref(lignes.get(k)));
                            k++;
                        }
                        bloc.add("|===");
                        i = k + 1;
                    } else if (k < lignes.size() && FENCE.matcher(lignes.get(k)).matches()) {
                        String fence = lignes.get(k).strip();
                        bloc.add(lignes.get(k));
                        k++;
                        while (k < lignes.size() && !lignes.get(k).strip().equals(fence)) {
                            bloc.add(lignes.get(k));
                            k++;
                        }
                        bloc.add(fence);
                        i = k + 1;
                        // Les explications des repères <1>, <2>… suivent le listing.
                        int c = i;
                        while (c < lignes.size() && lignes.get(c).isBlank()) {
                            c++;
                        }
                        if (c < lignes.size() && lignes.get(c).matches("^<\\d+> .*")) {
                            bloc.add("");
                            while (c < lignes.size() && !lignes.get(c).isBlank()) {
                                bloc.add(sansXref(lignes.get(c)));
                                c++;
                            }
                            i = c;
                        }
                    } else {
                        i = k;
                        continue;
                    }
                }
                courante.blocs.add(bloc);
                continue;
            }
            i++;
        }
        return sections;
    }

    static boolean ligneSuivanteEstTitre(List<String> lignes, int i) {
        return i + 1 < lignes.size() && TITRE.matcher(lignes.get(i + 1)).matches()
                && ANCRE.matcher(lignes.get(i)).replaceAll("").isBlank();
    }

    static boolean debutDeBloc(String l) {
        return l.startsWith("[source") || l.startsWith("[plantuml") || l.startsWith("[cols")
                || l.startsWith("|===");
    }

    static int finDeParagraphe(List<String> lignes, int i) {
        int k = i + 1;
        while (k < lignes.size() && !lignes.get(k).isBlank()) {
            k++;
        }
        return k;
    }

    /** Les renvois du livre ({@code <<id,texte>>}) n'ont pas de cible ici : leur texte. */
    static String sansXref(String l) {
        Matcher m = XREF.matcher(l);
        StringBuilder s = new StringBuilder();
        while (m.find()) {
            String texte = m.group(2) != null ? m.group(2) : "la section correspondante du livre";
            m.appendReplacement(s, Matcher.quoteReplacement(texte));
        }
        m.appendTail(s);
        return s.toString();
    }
}
