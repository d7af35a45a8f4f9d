package fr.progsys.posix;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Les noms trop longs : le errno dépend de la version de la glibc (voir le
 * livre, section « Nommage »). Ce que disent ses sources, pour un nom de
 * {@code L} caractères après le « / » :
 *
 * <ul>
 * <li>2.31 à 2.33 (macro {@code SHM_GET_NAME}) : {@code L ≥ 254} refusé par
 * la glibc avec EINVAL, pour shm_open comme pour sem_open ; un sémaphore de 252
 * ou 253 caractères passe, mais son fichier {@code sem.<nom>} dépasse
 * {@code NAME_MAX} et le noyau répond ENAMETOOLONG ;</li>
 * <li>2.34 à 2.37 ({@code __shm_get_name}, tampon de 269 octets) : EINVAL
 * quand le chemin ne tient pas dans le tampon (shm {@code L ≥ 260}, sem
 * {@code L ≥ 256}), ENAMETOOLONG du noyau juste avant (shm 256 à 259, sem
 * 252 à 255) ;</li>
 * <li>2.38 et après (commit 0b7bf0e, mars 2023) : ENAMETOOLONG partout ;
 * depuis septembre 2025 (commit 4ae9b66) la glibc le rend elle-même.</li>
 * </ul>
 *
 * <p>Les tests n'exigent que l'ensemble documenté {EINVAL, ENAMETOOLONG}, et
 * affichent la version et le tableau observé.
 */
final class LongNames {

    /** Les longueurs essayées : autour des bornes de toutes les versions. */
    static final int[] LENGTHS = {251, 252, 253, 254, 255, 256, 259, 260, 300};

    private LongNames() {
    }

    /** {@code base} (un nom unique, « / » compris) allongé à {@code len} caractères après le « / ». */
    static String ofLength(String base, int len) {
        StringBuilder b = new StringBuilder(base);
        while (b.length() < len + 1) {
            b.append('x');
        }
        return b.toString();
    }

    /**
     * Essaie {@code open} sur chaque longueur et rend, pour chacune, « ok » ou
     * le nom de errno. Un objet créé est retiré par {@code unlink}.
     */
    static Map<Integer, String> observe(String base, Consumer<String> open,
            Consumer<String> unlink) {
        Map<Integer, String> seen = new LinkedHashMap<>();
        for (int len : LENGTHS) {
            String name = ofLength(base, len);
            try {
                open.accept(name);
                unlink.accept(name);
                seen.put(len, "ok");
            } catch (PosixException e) {
                seen.put(len, e.errnoName());
            }
        }
        return seen;
    }

    /** La ligne affichée dans la sortie du test : version de la glibc et tableau. */
    static String report(String call, Map<Integer, String> seen) {
        return "glibc " + Platform.libcVersion() + ", " + call + " selon la longueur du nom : "
                + seen;
    }
}
