package fr.progsys.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vérifications faites sur le livre HTML généré : la typographie française du
 * texte courant et l'absence de ressource chargée depuis le réseau.
 */
final class HtmlChecks {

    /** Remplace, dans le texte visible, tout un élément sauté (code, pre…). */
    static final char CODE = '\uFFFC';

    static final char NBSP = '\u00a0';
    static final char NNBSP = '\u202f';

    /** Éléments dont le contenu n'est pas de la prose : code, programmes, styles, figures. */
    private static final Set<String> SKIPPED =
            Set.of("pre", "code", "kbd", "samp", "tt", "script", "style", "svg", "math");

    /** Éléments de bloc : leur limite compte comme un saut de ligne. */
    private static final Set<String> BLOCKS = Set.of("p", "div", "td", "th", "tr", "li", "ul", "ol",
            "dl", "dt", "dd", "br", "h1", "h2", "h3", "h4", "h5", "h6", "table", "caption",
            "blockquote", "body", "head", "title", "hr", "section", "header", "footer");

    private static final Map<String, String> ENTITIES = Map.ofEntries(
            Map.entry("nbsp", "\u00a0"), Map.entry("amp", "&"), Map.entry("lt", "<"),
            Map.entry("gt", ">"), Map.entry("quot", "\""), Map.entry("apos", "'"),
            Map.entry("laquo", "«"), Map.entry("raquo", "»"), Map.entry("hellip", "…"),
            Map.entry("mdash", "—"), Map.entry("ndash", "–"), Map.entry("rsquo", "’"),
            Map.entry("lsquo", "‘"), Map.entry("ldquo", "“"), Map.entry("rdquo", "”"),
            Map.entry("copy", "©"), Map.entry("times", "×"), Map.entry("thinsp", "\u2009"));

    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);");

    /** Signes hauts : une espace insécable avant ; on ne les compte que suivis d'un blanc. */
    private static final String HIGH = ":;?!";
    /** Ce qui peut suivre un signe haut qui ponctue : blanc, fermant, autre ponctuation. */
    private static final String AFTER_PUNCTUATION = ")]}».,…\"'’”" + NBSP + NNBSP + CODE;

    private HtmlChecks() {
    }

    /**
     * Le texte visible de la page : sans balises ni attributs, entités
     * décodées ; le contenu de chaque {@code <pre>}, {@code <code>},
     * {@code <script>}, {@code <style>}… est remplacé par le seul caractère
     * {@link #CODE}, les limites de bloc par un saut de ligne ; la table des
     * matières ({@code <div id="toc">}), qui répète les titres, est sautée.
     */
    static String visibleText(String html) {
        StringBuilder text = new StringBuilder(html.length() / 2);
        int skipDepth = 0;
        String skipping = null;
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c != '<') {
                int next = html.indexOf('<', i);
                int end = next < 0 ? html.length() : next;
                if (skipping == null) {
                    text.append(decode(html.substring(i, end)));
                }
                i = end;
                continue;
            }
            if (html.startsWith("<!--", i)) {
                int end = html.indexOf("-->", i + 4);
                i = end < 0 ? html.length() : end + 3;
                continue;
            }
            int end = endOfTag(html, i);
            String tag = html.substring(i, end);
            i = end;
            Matcher m = Pattern.compile("^</?([a-zA-Z][a-zA-Z0-9]*)").matcher(tag);
            if (!m.find()) {
                continue;
            }
            String name = m.group(1).toLowerCase(Locale.ROOT);
            boolean closing = tag.startsWith("</");
            boolean selfClosing = tag.endsWith("/>");
            if (skipping != null) {
                if (name.equals(skipping)) {
                    if (closing) {
                        skipDepth--;
                    } else if (!selfClosing) {
                        skipDepth++;
                    }
                    if (skipDepth == 0) {
                        skipping = null;
                    }
                }
                continue;
            }
            if (!closing && !selfClosing && (SKIPPED.contains(name) || isToc(name, tag))) {
                skipping = name;
                skipDepth = 1;
                text.append(CODE);
                if (name.equals("script") || name.equals("style")) {
                    int close = html.toLowerCase(Locale.ROOT).indexOf("</" + name, i);
                    i = close < 0 ? html.length() : close;
                }
            } else if (BLOCKS.contains(name)) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    /** La table des matières répète les titres : on ne les compte qu'une fois, à leur place. */
    private static boolean isToc(String name, String tag) {
        return name.equals("div") && tag.matches("(?s).*\\bid=[\"']toc[\"'].*");
    }

    private static int endOfTag(String html, int start) {
        char quote = 0;
        for (int i = start + 1; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return html.length();
    }

    static String decode(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String r;
            if (e.startsWith("#x") || e.startsWith("#X")) {
                r = Character.toString(Integer.parseInt(e.substring(2), 16));
            } else if (e.startsWith("#")) {
                r = Character.toString(Integer.parseInt(e.substring(1)));
            } else {
                r = ENTITIES.getOrDefault(e, String.valueOf(CODE));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(r));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean noBreak(char c) {
        return c == NBSP || c == NNBSP;
    }

    /**
     * Les fautes de typographie française d'un texte visible, chacune avec
     * son contexte : un signe parmi « : ; ? ! » ou « » » précédé d'autre chose
     * qu'une espace insécable (U+00A0 ou U+202F), un « « » qui n'en est pas
     * suivi. Un « : ; ? ! » collé à ce qui le suit n'est pas une ponctuation
     * (« 10:30 », « :: », une adresse, « ?x= ») et ne compte pas.
     */
    static List<String> typographyViolations(String text) {
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char prev = i > 0 ? text.charAt(i - 1) : '\n';
            char next = i + 1 < text.length() ? text.charAt(i + 1) : '\n';
            String fault = null;
            if (HIGH.indexOf(c) >= 0) {
                boolean punctuation = Character.isWhitespace(next)
                        || AFTER_PUNCTUATION.indexOf(next) >= 0 || HIGH.indexOf(next) >= 0;
                boolean doubled = c == ':' && (prev == ':' || next == ':');
                boolean afterOther = (c == '?' || c == '!') && (prev == '?' || prev == '!');
                if (punctuation && !doubled && !afterOther && !noBreak(prev) && i > 0) {
                    fault = Character.isWhitespace(prev) ? "espace ordinaire avant « " + c + " »"
                            : "pas d'espace insécable avant « " + c + " »";
                }
            } else if (c == '»' && !noBreak(prev)) {
                fault = Character.isWhitespace(prev) ? "espace ordinaire avant « » »"
                        : "pas d'espace insécable avant « » »";
            } else if (c == '«' && !noBreak(next)) {
                fault = Character.isWhitespace(next) ? "espace ordinaire après « « »"
                        : "pas d'espace insécable après « « »";
            }
            if (fault != null) {
                bad.add(fault + " : …" + context(text, i) + "…");
            }
        }
        return bad;
    }

    private static String context(String text, int at) {
        int from = Math.max(0, at - 35);
        int to = Math.min(text.length(), at + 25);
        return text.substring(from, to)
                .replace('\n', '⏎')
                .replace(String.valueOf(NBSP), "⍽")
                .replace(String.valueOf(NNBSP), "⍽")
                .replace(String.valueOf(CODE), "`…`");
    }

    private static final Pattern TAG = Pattern.compile("<(link|script|img|iframe|source|video|audio|"
            + "embed|object|input|track)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern FETCHING_ATTRIBUTE = Pattern.compile(
            "\\b(href|src|srcset|data)\\s*=\\s*[\"']?\\s*((?:https?:)?//[^\"'\\s>]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CSS_FETCH = Pattern.compile(
            "(@import\\s+(?:url\\()?\\s*[\"']?\\s*(?:https?:)?//[^\"')\\s;]+|"
                    + "url\\(\\s*[\"']?\\s*(?:https?:)?//[^\"')\\s]+)",
            Pattern.CASE_INSENSITIVE);

    /**
     * Ce que la page irait chercher sur le réseau en s'ouvrant : les URL
     * {@code http(s)://} (ou {@code //hôte}) des attributs {@code href}/{@code src}
     * de {@code <link>}, {@code <script>}, {@code <img>}…, et des {@code @import}
     * / {@code url(…)} des feuilles de style (hors commentaires CSS). Un lien
     * {@code <a href>} ne charge rien et ne compte pas.
     */
    static List<String> networkFetches(String html) {
        List<String> found = new ArrayList<>();
        Matcher tags = TAG.matcher(html);
        while (tags.find()) {
            Matcher a = FETCHING_ATTRIBUTE.matcher(tags.group());
            while (a.find()) {
                found.add("<" + tags.group(1).toLowerCase(Locale.ROOT) + " " + a.group(1) + "> "
                        + a.group(2));
            }
        }
        Matcher styles = Pattern.compile("<style\\b[^>]*>(.*?)</style>",
                Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(html);
        while (styles.find()) {
            String rules = styles.group(1).replaceAll("(?s)/\\*.*?\\*/", " ");
            Matcher css = CSS_FETCH.matcher(rules);
            while (css.find()) {
                found.add("<style> " + css.group(1));
            }
        }
        Matcher inline = Pattern.compile("\\bstyle\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE)
                .matcher(html);
        while (inline.find()) {
            Matcher css = CSS_FETCH.matcher(inline.group(1));
            while (css.find()) {
                found.add("style=\"…\" " + css.group(1));
            }
        }
        return found;
    }
}
