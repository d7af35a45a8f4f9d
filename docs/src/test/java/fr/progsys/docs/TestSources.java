package fr.progsys.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Les sources des tests de tous les modules : celles de chaque
 * {@code src/test/java}, plus les tests jcstress où qu'ils soient
 * ({@code src/<quelque chose>/java}, reconnus à leur import
 * {@code org.openjdk.jcstress}).
 */
final class TestSources {

    private static final Set<String> SKIPPED_DIRS = Set.of("target", ".git", ".mvn", "node_modules");
    private static final Pattern TYPE = Pattern.compile("\\b(?:class|record|interface|enum)\\s+(\\w+)");

    /** Sources par nom simple de classe : celui du fichier, et celui de chaque classe imbriquée. */
    private final Map<String, List<String>> byClass = new HashMap<>();
    private final List<Path> files = new ArrayList<>();
    private final Map<Path, String> texts = new HashMap<>();

    private TestSources() {
    }

    static TestSources scan(Path root) {
        TestSources sources = new TestSources();
        try (Stream<Path> all = Files.walk(root)) {
            all.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> noSkippedDir(root, p))
                    .sorted()
                    .forEach(p -> sources.consider(root, p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    /** Pour les tests unitaires : des sources données directement, par nom de fichier. */
    static TestSources of(Map<String, String> sourcesByFileName) {
        TestSources sources = new TestSources();
        sourcesByFileName.forEach((name, text) -> sources.add(Path.of(name), text));
        return sources;
    }

    private static boolean noSkippedDir(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            if (SKIPPED_DIRS.contains(part.toString())) {
                return false;
            }
        }
        return true;
    }

    private void consider(Path root, Path p) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        // src/test/java, et src/test/java21 (tests des threads virtuels, JDK 21+)
        boolean test = rel.matches("(?:.*/)?src/test/java(?:21)?/.*");
        boolean maybeJcstress = rel.matches("(?:.*/)?src/(?:.*/)?java/.*");
        if (!test && !maybeJcstress) {
            return;
        }
        String text;
        try {
            text = Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (test || text.contains("org.openjdk.jcstress")) {
            add(root.relativize(p), text);
        }
    }

    private void add(Path file, String text) {
        files.add(file);
        texts.put(file, text);
        String name = file.getFileName().toString().replaceFirst("\\.java$", "");
        byClass.computeIfAbsent(name, k -> new ArrayList<>()).add(text);
        Matcher m = TYPE.matcher(text);
        while (m.find()) {
            if (!m.group(1).equals(name)) {
                byClass.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(text);
            }
        }
    }

    List<Path> files() {
        return files;
    }

    String text(Path file) {
        return texts.get(file);
    }

    /**
     * La classe de test existe-t-elle (fichier {@code Classe.java}, ou classe
     * imbriquée de ce nom), et son fichier déclare-t-il une méthode de ce nom ?
     */
    boolean declares(String testClass, String method) {
        return byClass.getOrDefault(testClass, List.of()).stream()
                .anyMatch(text -> declaresMethod(text, method));
    }

    boolean hasClass(String testClass) {
        return byClass.containsKey(testClass);
    }

    /** Une déclaration de méthode {@code type nom(} dans le texte (pas un appel, pas un {@code new}). */
    static boolean declaresMethod(String text, String method) {
        Pattern declaration = Pattern.compile("[\\w>\\]](?<!\\bnew)(?<!\\breturn)\\s+"
                + Pattern.quote(method) + "\\s*\\(");
        return declaration.matcher(stripComments(text)).find();
    }

    /** Le texte sans commentaires {@code //} ni {@code /* }, pour qu'une méthode citée n'y compte pas. */
    static String stripComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                int end = endOfString(text, i);
                out.append(text, i, end);
                i = end;
            } else if (c == '\'') {
                int end = endOfChar(text, i);
                out.append(text, i, end);
                i = end;
            } else if (text.startsWith("//", i)) {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** La fin d'un littéral de caractère ({@code 'a'}, {@code '\\''}, {@code '\\u00a0'}). */
    private static int endOfChar(String text, int start) {
        int i = start + 1;
        while (i < text.length() && text.charAt(i) != '\'' && text.charAt(i) != '\n') {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, text.length());
    }

    private static int endOfString(String text, int start) {
        if (text.startsWith("\"\"\"", start)) {
            int end = text.indexOf("\"\"\"", start + 3);
            return end < 0 ? text.length() : end + 3;
        }
        int i = start + 1;
        while (i < text.length() && text.charAt(i) != '"' && text.charAt(i) != '\n') {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, text.length());
    }

    /**
     * Les noms affichés d'un source : pour chaque {@code @DisplayName(…)}, la
     * concaténation de ses littéraux de chaîne (les constantes concaténées,
     * {@code + MAX + }, n'y figurent pas).
     */
    static List<String> displayNames(String source) {
        String text = stripComments(source);
        String code = blankStrings(text);
        List<String> names = new ArrayList<>();
        int from = 0;
        while (true) {
            int at = code.indexOf("@DisplayName", from);
            if (at < 0) {
                return names;
            }
            int i = at + "@DisplayName".length();
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= text.length() || text.charAt(i) != '(') {
                from = i;
                continue;
            }
            StringBuilder name = new StringBuilder();
            int depth = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '"') {
                    int end = endOfString(text, i);
                    name.append(unescape(literal(text, i, end)));
                    i = end;
                    continue;
                }
                if (c == '\'') {
                    i = endOfChar(text, i);
                    continue;
                }
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    break;
                }
                i++;
            }
            names.add(name.toString());
            from = i;
        }
    }

    /** Le texte où le contenu de chaque littéral de chaîne est remplacé par des espaces. */
    static String blankStrings(String text) {
        StringBuilder out = new StringBuilder(text);
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '"') {
                int end = endOfString(text, i);
                for (int k = i + 1; k < end - 1; k++) {
                    if (out.charAt(k) != '\n') {
                        out.setCharAt(k, ' ');
                    }
                }
                i = end;
            } else if (text.charAt(i) == '\'') {
                i = endOfChar(text, i);
            } else {
                i++;
            }
        }
        return out.toString();
    }

    private static String literal(String text, int start, int end) {
        if (text.startsWith("\"\"\"", start)) {
            String body = text.substring(start + 3, Math.max(start + 3, end - 3));
            return body.replaceFirst("^[ \\t]*\\n", "").stripIndent();
        }
        return text.substring(start + 1, Math.max(start + 1, end - 1));
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'u' -> {
                    while (i + 1 < s.length() && s.charAt(i + 1) == 'u') {
                        i++;
                    }
                    if (i + 4 < s.length()) {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                }
                default -> out.append(n);
            }
        }
        return out.toString();
    }

    /**
     * Les plages d'identifiants d'un nom affiché : « I06–I08 », « I06-I08 »,
     * « T10–11 », « S16/S19 », « T13 à T16 ». Chaque identifiant doit être écrit
     * en entier, séparé des autres par une virgule.
     */
    static List<String> ranges(String displayName, Pattern id) {
        String one = id.pattern();
        Pattern range = Pattern.compile("(?:" + one + ")(?:\\s*[-\u2010\u2011\u2012\u2013\u2014/]\\s*|\\s+à\\s+)"
                + "(?:(?:" + one + ")|\\d\\d\\b)");
        List<String> found = new ArrayList<>();
        Matcher m = range.matcher(displayName);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
