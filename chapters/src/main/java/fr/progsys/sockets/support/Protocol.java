package fr.progsys.sockets.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Le petit protocole texte que parlent tous les serveurs du chapitre, en TCP,
 * en UDP et dans le domaine Unix : une requête par ligne (UTF-8, terminée par
 * {@code \n}), une réponse par ligne. On peut donc leur parler avec
 * {@code nc} ou {@code socat}.
 *
 * <pre>
 * PING          → PONG
 * ECHO texte    → texte
 * MAJ texte     → TEXTE
 * SOMME 2 3 4   → 9
 * QUIT          → BYE (puis le serveur ferme la connexion)
 * </pre>
 *
 * Une requête incomprise reçoit une ligne {@code ERR …} et la conversation
 * continue : un client maladroit ne fait pas tomber le serveur.
 */
public final class Protocol {

    /** Longueur maximale d'une ligne, en octets, sans le {@code \n}. */
    public static final int MAX_LINE = 1024;

    /** La réponse à {@code QUIT}, après laquelle le serveur ferme. */
    public static final String BYE = "BYE";

    /** Réponse à une ligne qui n'est pas de l'UTF-8 valide. */
    public static final String BAD_UTF8 = "ERR UTF-8 invalide";

    /** Réponse à une ligne trop longue, juste avant la fermeture. */
    public static final String TOO_LONG =
            "ERR ligne trop longue (" + MAX_LINE + " octets au plus)";

    /** Réponse au client silencieux, juste avant la fermeture. */
    public static final String IDLE = "ERR inactif trop longtemps";

    /** Réponse du serveur saturé (file d'attente pleine). */
    public static final String BUSY = "ERR serveur saturé, réessayez";

    private Protocol() {
    }

    /** La réponse à une requête (une ligne sans son {@code \n}). */
    // tag::answer[]
    public static String answer(String request) {
        String line = request.endsWith("\r") // telnet et socat crlf
                ? request.substring(0, request.length() - 1) : request;
        int space = line.indexOf(' ');
        String verb = (space < 0 ? line : line.substring(0, space))
                .toUpperCase(Locale.ROOT);
        String rest = space < 0 ? "" : line.substring(space + 1);
        switch (verb) {
            case "PING": return "PONG";
            case "ECHO": return rest;
            case "MAJ": return rest.toUpperCase(Locale.ROOT);
            case "SOMME": return sum(rest);
            case "QUIT": return BYE;
            default: return "ERR commande inconnue : " + abbreviate(verb);
        }
    }
    // end::answer[]

    /** Vrai si la requête met fin à la conversation. */
    public static boolean isQuit(String request) {
        String line = request.strip();
        return line.equalsIgnoreCase("QUIT");
    }

    /** Une réponse, et s'il faut fermer la connexion après l'avoir envoyée. */
    public record Reply(String text, boolean close) {
    }

    /** La réponse à ce que le décodeur a trouvé dans le flot. */
    public static Reply reply(LineDecoder.Line line) {
        switch (line.status()) {
            case BAD_UTF8:
                return new Reply(BAD_UTF8, false);
            case TOO_LONG:
                return new Reply(TOO_LONG, true);
            default:
                return new Reply(answer(line.text()), isQuit(line.text()));
        }
    }

    // tag::datagram[]
    /** Un datagramme, une ou plusieurs lignes ; autant de lignes en retour. */
    public static String answerDatagram(byte[] data, int length) {
        if (length > Protocol.MAX_LINE + 1) {
            return TOO_LONG + "\n"; // et rien n'a débordé
        }
        LineDecoder decoder = new LineDecoder(Protocol.MAX_LINE);
        List<LineDecoder.Line> lines = new ArrayList<>(
                decoder.feed(data, length));
        if (decoder.hasPartialLine()) { // le \n final est facultatif
            lines.addAll(decoder.feed(new byte[] {'\n'}, 1));
        }
        StringBuilder reply = new StringBuilder();
        for (LineDecoder.Line line : lines) {
            reply.append(Protocol.reply(line).text()).append('\n');
        }
        return reply.toString();
    }
    // end::datagram[]

    private static String sum(String numbers) {
        long total = 0;
        for (String n : numbers.trim().split("\\s+")) {
            if (n.isEmpty()) {
                continue;
            }
            try {
                total = Math.addExact(total, Long.parseLong(n));
            } catch (NumberFormatException | ArithmeticException e) {
                return "ERR nombre invalide : " + abbreviate(n);
            }
        }
        return Long.toString(total);
    }

    private static String abbreviate(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }
}
