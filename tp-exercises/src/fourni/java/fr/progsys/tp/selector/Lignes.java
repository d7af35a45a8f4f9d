package fr.progsys.tp.selector;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Code fourni : le découpage en lignes. TCP est un flot d'octets : un read
 * peut rendre une demi-ligne ou trois lignes d'un coup. On accumule donc ce
 * qui arrive dans un tampon et on n'en sort que les lignes complètes.
 */
public final class Lignes {

    private Lignes() {
    }

    /**
     * Sort du tampon (en mode écriture, tel que read l'a laissé) les lignes
     * complètes, sans leur fin de ligne ; garde le reste pour la suite.
     */
    public static List<String> extraire(ByteBuffer lu) {
        List<String> lignes = new ArrayList<>();
        lu.flip();
        int debut = 0;
        for (int i = 0; i < lu.limit(); i++) {
            if (lu.get(i) == '\n') {
                int fin = i > debut && lu.get(i - 1) == '\r' ? i - 1 : i;
                byte[] b = new byte[fin - debut];
                lu.get(debut, b);
                lignes.add(new String(b, StandardCharsets.UTF_8));
                debut = i + 1;
            }
        }
        lu.position(debut);
        lu.compact();
        return lignes;
    }

    /** La ligne, fin de ligne comprise, prête à écrire. */
    public static ByteBuffer encoder(String ligne) {
        return ByteBuffer.wrap((ligne + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
