package fr.progsys.tp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Les indices des TP, lus dans le fichier que le livre inclut aussi
 * (src/test/resources/fr/progsys/tp/indices.adoc) : par TP, dans l'ordre
 * du livre, une étiquette {@code <tp>} (piste, idée clé) puis une étiquette
 * {@code <tp>-code} (le code), et dans chacune les blocs « .Indice n : … ».
 */
final class Indices {

    /** Un indice : son numéro (à partir de 1), son titre et son texte. */
    record Indice(int numero, String titre, String texte) {
    }

    private static final Map<String, List<Indice>> TOUS = lire();

    private Indices() {
    }

    /** Les TP, dans l'ordre des étiquettes du fichier. */
    static List<String> tps() {
        return List.copyOf(TOUS.keySet());
    }

    /** Les indices d'un TP (liste vide s'il n'en a pas). */
    static List<Indice> de(String tp) {
        return TOUS.getOrDefault(tp, List.of());
    }

    private static Map<String, List<Indice>> lire() {
        String texte;
        try (InputStream in = Indices.class.getResourceAsStream("indices.adoc")) {
            if (in == null) {
                throw new IllegalStateException("fichier des indices absent :"
                        + " fr/progsys/tp/indices.adoc");
            }
            texte = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<Indice>> m = new LinkedHashMap<>();
        String tp = null;
        String titre = null;
        StringBuilder corps = null;
        for (String l : texte.split("\n", -1)) {
            if (l.startsWith("// tag::")) {
                // <tp> : la piste et l'idée clé ; <tp>-code : le code, qui
                // vient à la suite (le livre le met à la fin du volume).
                tp = l.substring(8, l.indexOf('[')).replaceFirst("-code$", "");
                m.putIfAbsent(tp, new ArrayList<>());
            } else if (l.startsWith("// end::")) {
                tp = null;
            } else if (tp != null && l.startsWith(".Indice ")) {
                titre = l.substring(1);
            } else if (tp != null && titre != null && l.equals("====")) {
                if (corps == null) {
                    corps = new StringBuilder();
                } else {
                    List<Indice> liste = m.get(tp);
                    liste.add(new Indice(liste.size() + 1, titre,
                            texteBrut(corps.toString().strip())));
                    titre = null;
                    corps = null;
                }
            } else if (corps != null) {
                corps.append(l).append('\n');
            }
        }
        return m;
    }

    /** Le balisage AsciiDoc le plus courant, retiré pour le terminal. */
    static String texteBrut(String adoc) {
        return adoc.replace("{nbsp}", "\u00a0").replace("\\((", "((").replace("\\->", "->").replace("`", "")
                .replaceAll("(?<![\\p{L}\\d])_([^_\n]+)_(?![\\p{L}\\d])", "$1")
                .replaceAll("(?<![\\p{L}\\d])\\*([^*\n]+)\\*(?![\\p{L}\\d])", "$1");
    }
}
