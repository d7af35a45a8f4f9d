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
    record Chapter(String source, String title, String name) {
    }

    /** La liste des diapositives du cours, relative au dossier AsciiDoc. */
    static final String SLIDE_LIST = "diapositives.csv";

    static final Pattern CHAPTER_TITLE = Pattern.compile("^== (.+)$");

    static final Pattern INCLUDE_ADOC = Pattern.compile("^include::([^{}\\[]+\\.adoc)\\[\\]\\s*$");
    static final Pattern ANCHOR = Pattern.compile("\\[\\[(slide-[a-z]\\d\\d)\\]\\]");
    static final Pattern HEADING = Pattern.compile("^(={2,5}) (.+)$");
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
        Path outDir = Files.createDirectories(Path.of(args[1]));
        for (Chapter c : chapters(sources)) {
            List<String> sourceLines = expand(sources.resolve(c.source()));
            String deck = deck(c, sourceLines);
            Files.writeString(outDir.resolve(c.name() + ".adoc"), deck, StandardCharsets.UTF_8);
            System.out.println("diapositives : " + c.name() + ".adoc ("
                    + countSlides(deck) + " diapositives)");
        }
    }

    /**
     * Les chapitres, dans l'ordre où la liste des diapositives
     * ({@value #SLIDE_LIST}, deuxième champ) les nomme : le chapitre {@code ipc}
     * est le fichier {@code chapters/NN-ipc.adoc}, son titre la première
     * ligne {@code == } de ce fichier. Ajouter un chapitre, c'est ajouter ses
     * lignes à la liste et son fichier au livre, sans toucher à ce programme.
     */
    static List<Chapter> chapters(Path sources) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        boolean header = true;
        for (String l : Files.readAllLines(sources.resolve(SLIDE_LIST), StandardCharsets.UTF_8)) {
            String line = l.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (header) { // id;chapitre;titre;ancre
                header = false;
                continue;
            }
            String[] fields = line.split(";", -1);
            if (fields.length != 4) {
                throw new IllegalArgumentException(SLIDE_LIST + " : ligne mal formée « " + line + " »");
            }
            names.add(fields[1].strip());
        }
        List<Chapter> chapters = new ArrayList<>();
        for (String name : names) {
            List<Path> adocFiles;
            try (var slideList = Files.list(sources.resolve("chapitres"))) {
                adocFiles = slideList.filter(p -> p.getFileName().toString()
                        .matches("\\d\\d-" + Pattern.quote(name) + "\\.adoc")).toList();
            }
            if (adocFiles.size() != 1) {
                throw new IllegalArgumentException("chapitre « " + name + " » de " + SLIDE_LIST
                        + " : un fichier chapitres/NN-" + name + ".adoc attendu, "
                        + adocFiles.size() + " trouvés");
            }
            Path adocFile = adocFiles.get(0);
            String title = Files.readAllLines(adocFile, StandardCharsets.UTF_8).stream()
                    .map(CHAPTER_TITLE::matcher).filter(Matcher::matches)
                    .map(m -> m.group(1).strip()).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(adocFile
                            + " : pas de titre « == » de chapitre"));
            chapters.add(new Chapter("chapitres/" + adocFile.getFileName(), title, name));
        }
        return chapters;
    }

    static long countSlides(String deck) {
        return deck.lines().filter(l -> l.startsWith("== ")).count();
    }

    /** Le chapitre avec ses {@code include::x.adoc[]} remplacés par leur texte. */
    static List<String> expand(Path adocFile) throws IOException {
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(adocFile, StandardCharsets.UTF_8)) {
            Matcher m = INCLUDE_ADOC.matcher(l);
            if (m.matches()) {
                out.addAll(expand(adocFile.resolveSibling(m.group(1))));
            } else {
                out.add(l);
            }
        }
        return out;
    }

    /** Une section du livre qui deviendra une diapositive. */
    static final class Section {
        final Set<String> anchors = new LinkedHashSet<>();
        String title;
        final List<List<String>> blocks = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
    }

    static String deck(Chapter c, List<String> sourceLines) {
        List<Section> sections = splitSections(sourceLines);
        StringBuilder s = new StringBuilder();
        s.append("= ").append(c.title()).append('\n')
                .append("// Fabriqué par Diapositives.java à partir du livre : ne pas modifier.\n")
                .append("include::{diapos-src}/attributs.adoc[]\n\n");
        for (Section sec : sections) {
            String id = sec.anchors.iterator().next();
            s.append("[#").append(id).append("]\n");
            s.append("== ").append(sec.title).append('\n');
            // Les autres identifiants : des <span id> (le convertisseur reveal.js
            // ne rend pas l'id des ancres [[…]] en ligne).
            s.append("[.diapo-ids]\n").append(ids(sec, id)).append("\n\n");
            for (int i = 0; i < sec.blocks.size(); i++) {
                if (i > 0) {
                    s.append("=== ").append(sec.title).append(" (suite)\n\n");
                }
                sec.blocks.get(i).forEach(l -> s.append(l).append('\n'));
                s.append('\n');
                if (i == 0 && !sec.notes.isEmpty()) {
                    s.append("[.notes]\n****\n");
                    sec.notes.forEach(l -> s.append(l).append('\n'));
                    s.append("****\n\n");
                }
            }
            if (sec.blocks.isEmpty() && !sec.notes.isEmpty()) {
                s.append("[.notes]\n****\n");
                sec.notes.forEach(l -> s.append(l).append('\n'));
                s.append("****\n\n");
            }
        }
        return s.toString();
    }

    static String ids(Section sec, String first) {
        List<String> ids = new ArrayList<>();
        for (String a : sec.anchors) {
            String id = a.substring("slide-".length()).toUpperCase(java.util.Locale.ROOT);
            ids.add(a.equals(first) ? id : "[#" + a + "]#" + id + "#");
        }
        return "Diapositive" + (ids.size() > 1 ? "s " : " ") + String.join(", ", ids);
    }

    /**
     * Découpe le chapitre en sections à ancre de diapositive ; garde de chacune
     * les listings, tableaux, figures et encadrés Précision.
     */
    static List<Section> splitSections(List<String> sourceLines) {
        List<Section> sections = new ArrayList<>();
        Section current = null;
        List<String> pendingAnchors = new ArrayList<>();
        int i = 0;
        while (i < sourceLines.size()) {
            String l = sourceLines.get(i);
            Matcher t = HEADING.matcher(l);
            if (t.matches() && t.group(1).length() >= 3) {
                if (!pendingAnchors.isEmpty()) {
                    current = new Section();
                    current.anchors.addAll(pendingAnchors);
                    current.title = withoutXref(t.group(2));
                    sections.add(current);
                    pendingAnchors.clear();
                } else if (t.group(1).length() <= 3) {
                    current = null; // section sans diapositive : ni la sienne, ni la précédente
                }
                i++;
                continue;
            }
            Matcher a = ANCHOR.matcher(l);
            boolean anchors = false;
            while (a.find()) {
                anchors = true;
                if (current != null && !nextLineIsHeading(sourceLines, i)) {
                    current.anchors.add(a.group(1));
                } else {
                    pendingAnchors.add(a.group(1));
                }
            }
            if (anchors) {
                i++;
                continue;
            }
            if (current == null) {
                i++;
                continue;
            }
            if (l.startsWith("NOTE: ")) {
                int end = endOfParagraph(sourceLines, i);
                current.notes.add(withoutXref(l.substring("NOTE: ".length())));
                for (int k = i + 1; k < end; k++) {
                    current.notes.add(withoutXref(sourceLines.get(k)));
                }
                current.notes.add("");
                i = end;
                continue;
            }
            if (l.equals("[NOTE]") && i + 1 < sourceLines.size() && FENCE.matcher(sourceLines.get(i + 1)).matches()) {
                String fence = sourceLines.get(i + 1).strip();
                int k = i + 2;
                while (k < sourceLines.size() && !sourceLines.get(k).strip().equals(fence)) {
                    current.notes.add(withoutXref(sourceLines.get(k)));
                    k++;
                }
                current.notes.add("");
                i = k + 1;
                continue;
            }
            if (startsBlock(l)) {
                List<String> block = new ArrayList<>();
                if (i > 0 && sourceLines.get(i - 1).matches("^\\.[^.\\s].*")) {
                    block.add(withoutXref(sourceLines.get(i - 1))); // le titre du listing ou de la figure
                }
                int k = i;
                if (l.startsWith("|===")) {
                    block.add(l);
                    k++;
                    while (k < sourceLines.size() && !sourceLines.get(k).startsWith("|===")) {
                        block.add(withoutXref(sourceLines.get(k)));
                        k++;
                    }
                    block.add(sourceLines.get(Math.min(k, sourceLines.size() - 1)));
                    i = k + 1;
                } else {
                    block.add(l); // [source…] ou [plantuml…] ou [cols…]
                    k++;
                    if (k < sourceLines.size() && sourceLines.get(k).startsWith("|===")) {
                        block.add(sourceLines.get(k));
                        k++;
                        while (k < sourceLines.size() && !sourceLines.get(k).startsWith("|===")) {
                            block.add(withoutXref(sourceLines.get(k)));
                            k++;
                        }
                        block.add("|===");
                        i = k + 1;
                    } else if (k < sourceLines.size() && FENCE.matcher(sourceLines.get(k)).matches()) {
                        String fence = sourceLines.get(k).strip();
                        block.add(sourceLines.get(k));
                        k++;
                        while (k < sourceLines.size() && !sourceLines.get(k).strip().equals(fence)) {
                            block.add(sourceLines.get(k));
                            k++;
                        }
                        block.add(fence);
                        i = k + 1;
                        // Les explications des repères <1>, <2>… suivent le listing.
                        int c = i;
                        while (c < sourceLines.size() && sourceLines.get(c).isBlank()) {
                            c++;
                        }
                        if (c < sourceLines.size() && sourceLines.get(c).matches("^<\\d+> .*")) {
                            block.add("");
                            while (c < sourceLines.size() && !sourceLines.get(c).isBlank()) {
                                block.add(withoutXref(sourceLines.get(c)));
                                c++;
                            }
                            i = c;
                        }
                    } else {
                        i = k;
                        continue;
                    }
                }
                current.blocks.add(block);
                continue;
            }
            i++;
        }
        return sections;
    }

    static boolean nextLineIsHeading(List<String> sourceLines, int i) {
        return i + 1 < sourceLines.size() && HEADING.matcher(sourceLines.get(i + 1)).matches()
                && ANCHOR.matcher(sourceLines.get(i)).replaceAll("").isBlank();
    }

    static boolean startsBlock(String l) {
        return l.startsWith("[source") || l.startsWith("[plantuml") || l.startsWith("[cols")
                || l.startsWith("|===");
    }

    static int endOfParagraph(List<String> sourceLines, int i) {
        int k = i + 1;
        while (k < sourceLines.size() && !sourceLines.get(k).isBlank()) {
            k++;
        }
        return k;
    }

    /** Les renvois du livre ({@code <<id,texte>>}) n'ont pas de cible ici : leur texte. */
    static String withoutXref(String l) {
        Matcher m = XREF.matcher(l);
        StringBuilder s = new StringBuilder();
        while (m.find()) {
            String text = m.group(2) != null ? m.group(2) : "la section correspondante du livre";
            m.appendReplacement(s, Matcher.quoteReplacement(text));
        }
        m.appendTail(s);
        return s.toString();
    }
}
