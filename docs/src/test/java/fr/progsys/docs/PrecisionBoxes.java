package fr.progsys.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Les encadrés « Précision » du livre : les admonitions NOTE d'AsciiDoc
 * ({@code :note-caption: Précision}), sous leurs deux formes.
 *
 * <ul>
 * <li>Forme paragraphe : une ligne qui commence par {@code NOTE: } (ou un
 * paragraphe précédé de {@code [NOTE]}), jusqu'à la première ligne vide.</li>
 * <li>Forme bloc : {@code [NOTE]} (avec ou sans attributs, suivi ou non d'un
 * titre {@code .Titre}), puis un délimiteur {@code ====} et tout ce qu'il
 * contient jusqu'au délimiteur de même longueur.</li>
 * </ul>
 *
 * La règle du livre : chaque encadré est en forme bloc et son dernier
 * paragraphe est une ligne de preuve
 * {@code Preuve{nbsp}: `Classe#méthode`, `Autre#méthode`} (« {nbsp} », ou une
 * espace insécable U+00A0 ou U+202F écrite telle quelle, avant le deux-points ;
 * la liste peut continuer sur les lignes suivantes du même paragraphe).
 *
 * Un encadré <em>corrige le support</em> quand sa première phrase (jusqu'au
 * premier point suivi d'une espace) nomme le support : les mots « support »,
 * « diapositive » ou « diapositives » y figurent, comme dans « Le support dit
 * … ; en réalité … » ou « Le champ `sin_len` de la diapositive n'existe que
 * sous BSD ». C'est le marqueur que compte le livre : une diapositive citée
 * plus loin dans l'encadré ne suffit pas.
 */
final class PrecisionBoxes {

    /** Un encadré : fichier, ligne de début, texte (sans délimiteurs), forme bloc ou non. */
    record Box(String file, int line, List<String> text, boolean block) {

        String where() {
            return file + ":" + line;
        }
    }

    /** Un test nommé par une ligne de preuve. */
    record Proof(String testClass, String method) {

        @Override
        public String toString() {
            return testClass + "#" + method;
        }
    }

    private static final Pattern STYLE = Pattern.compile("^\\[NOTE([.#%,][^\\]]*)?\\]\\s*$");
    private static final Pattern PARAGRAPH = Pattern.compile("^NOTE: ");
    private static final Pattern DELIMITER =
            Pattern.compile("^(-{4,}|\\.{4,}|\\+{4,}|/{4,}|={4,}|_{4,}|\\*{4,})\\s*$");
    private static final Pattern BLOCK_TITLE = Pattern.compile("^\\.[^.\\s].*$");
    private static final Pattern ATTRIBUTE_LINE = Pattern.compile("^\\[.*\\]\\s*$");
    private static final Pattern PROOF_START =
            Pattern.compile("^Preuve(?:\\{nbsp\\}|\\{nnbsp\\}|\u00a0|\u202f): (.*)$");
    private static final Pattern PROOF_ITEM = Pattern.compile("`(\\p{Lu}[\\w$]*)#(\\w+)`");
    private static final Pattern CORRECTS =
            Pattern.compile("(?iu)(?<![\\w-])(?:support|diapositives?)(?![\\w-])");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…](?:\\s|$)");

    private PrecisionBoxes() {
    }

    /**
     * Les encadrés NOTE d'un fichier AsciiDoc. Les blocs de code, littéraux,
     * passants et commentaires sont sautés : un « NOTE: » qui y figure n'est
     * pas un encadré.
     */
    static List<Box> parse(String file, List<String> lines) {
        List<Box> boxes = new ArrayList<>();
        String verbatim = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher d = DELIMITER.matcher(line);
            if (verbatim != null) {
                if (d.matches() && d.group(1).equals(verbatim)) {
                    verbatim = null;
                }
                continue;
            }
            if (d.matches() && isVerbatim(d.group(1))) {
                verbatim = d.group(1);
                continue;
            }
            if (PARAGRAPH.matcher(line).find()) {
                List<String> text = new ArrayList<>();
                text.add(line.substring("NOTE: ".length()));
                int j = i + 1;
                while (j < lines.size() && !lines.get(j).isBlank()
                        && !DELIMITER.matcher(lines.get(j)).matches()) {
                    text.add(lines.get(j));
                    j++;
                }
                boxes.add(new Box(file, i + 1, text, false));
                i = j - 1;
                continue;
            }
            if (STYLE.matcher(line).matches()) {
                int j = i + 1;
                while (j < lines.size() && (BLOCK_TITLE.matcher(lines.get(j)).matches()
                        || ATTRIBUTE_LINE.matcher(lines.get(j)).matches())) {
                    j++;
                }
                Matcher open = j < lines.size() ? DELIMITER.matcher(lines.get(j)) : null;
                if (open != null && open.matches() && open.group(1).startsWith("=")) {
                    String fence = open.group(1);
                    List<String> text = new ArrayList<>();
                    int k = j + 1;
                    while (k < lines.size() && !lines.get(k).strip().equals(fence)) {
                        text.add(lines.get(k));
                        k++;
                    }
                    boxes.add(new Box(file, i + 1, text, true));
                    i = k;
                } else {
                    List<String> text = new ArrayList<>();
                    while (j < lines.size() && !lines.get(j).isBlank()) {
                        text.add(lines.get(j));
                        j++;
                    }
                    boxes.add(new Box(file, i + 1, text, false));
                    i = j - 1;
                }
            }
        }
        return boxes;
    }

    private static boolean isVerbatim(String delimiter) {
        char c = delimiter.charAt(0);
        return c == '-' || c == '.' || c == '+' || c == '/';
    }

    /**
     * La preuve de l'encadré : depuis la dernière ligne qui commence par
     * « Preuve » jusqu'à la fin de l'encadré, lignes jointes par une espace, à
     * condition qu'aucune ligne vide ne suive (la preuve finit l'encadré) ;
     * sinon le dernier paragraphe.
     */
    static String lastParagraph(Box box) {
        List<String> text = box.text();
        int end = text.size();
        while (end > 0 && text.get(end - 1).isBlank()) {
            end--;
        }
        int start = end;
        while (start > 0 && !text.get(start - 1).isBlank()) {
            start--;
        }
        for (int i = end - 1; i >= start; i--) {
            if (text.get(i).startsWith("Preuve")) {
                start = i;
                break;
            }
        }
        return String.join(" ", text.subList(start, end)).strip();
    }

    /**
     * Les tests nommés par la ligne de preuve de l'encadré, ou rien s'il n'en a
     * pas, ou si elle est mal formée (un élément qui n'est pas
     * {@code `Classe#méthode`}, une liste vide).
     */
    static Optional<List<Proof>> proofs(Box box) {
        Matcher m = PROOF_START.matcher(lastParagraph(box));
        if (!m.matches()) {
            return Optional.empty();
        }
        List<Proof> proofs = new ArrayList<>();
        for (String item : m.group(1).split(",")) {
            Matcher p = PROOF_ITEM.matcher(item.strip());
            if (!p.matches()) {
                return Optional.empty();
            }
            proofs.add(new Proof(p.group(1), p.group(2)));
        }
        return Optional.of(proofs);
    }

    /** L'encadré corrige-t-il le support ? (sa première phrase nomme le support ou la diapositive) */
    static boolean correctsSlides(Box box) {
        String text = String.join(" ", box.text()).strip();
        Matcher end = SENTENCE_END.matcher(text);
        String first = end.find() ? text.substring(0, end.start()) : text;
        return CORRECTS.matcher(first).find();
    }
}
