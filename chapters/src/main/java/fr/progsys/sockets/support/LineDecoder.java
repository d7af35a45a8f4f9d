package fr.progsys.sockets.support;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Découpe un flot d'octets en lignes, avec un tampon borné.
 *
 * <p>TCP ne garde pas les frontières des messages : un {@code read} peut
 * rendre une demi-ligne, ou trois lignes et le début d'une quatrième, ou
 * couper un caractère UTF-8 en deux. Le décodeur accumule donc les octets
 * jusqu'au {@code \n}, et seulement alors décode la ligne entière. Au-delà de
 * {@code max} octets sans {@code \n}, il s'arrête : un client ne peut pas
 * faire grossir la mémoire du serveur sans limite.
 *
 * <p>Non thread-safe : un décodeur par connexion.
 */
public final class LineDecoder {

    /** Ce que le décodeur a trouvé dans le flot. */
    public enum Status { LINE, BAD_UTF8, TOO_LONG }

    /** Une ligne complète (ou le problème rencontré à sa place). */
    public record Line(Status status, String text) {
    }

    private final byte[] buffer;
    private int count;
    private boolean overflowed;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    public LineDecoder(int max) {
        this.buffer = new byte[max];
    }

    // tag::feed[]
    /** Ajoute les octets reçus ; rend les lignes désormais complètes. */
    public List<Line> feed(ByteBuffer bytes) {
        List<Line> lines = new ArrayList<>();
        while (bytes.hasRemaining() && !overflowed) {
            byte b = bytes.get();
            if (b == '\n') {
                lines.add(decode());
                count = 0;
            } else if (count == buffer.length) { // pas de \n en vue
                overflowed = true;
                lines.add(new Line(Status.TOO_LONG, null));
            } else {
                buffer[count++] = b;
            }
        }
        return lines;
    }
    // end::feed[]

    /** Ajoute {@code n} octets de {@code bytes}. */
    public List<Line> feed(byte[] bytes, int n) {
        return feed(ByteBuffer.wrap(bytes, 0, n));
    }

    /** Vrai si une ligne commencée attend encore son {@code \n}. */
    public boolean hasPartialLine() {
        return count > 0;
    }

    private Line decode() {
        try {
            String text = utf8.decode(ByteBuffer.wrap(buffer, 0, count))
                    .toString();
            return new Line(Status.LINE, text);
        } catch (CharacterCodingException e) {
            return new Line(Status.BAD_UTF8, null);
        }
    }
}
