package fr.progsys.sockets;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import fr.progsys.testkit.ChildJvm;

/**
 * Une session de terminal avec un vrai client ({@code nc} ou {@code socat}) :
 * on tape une ligne, on attend la réponse, et la transcription montre les
 * deux, comme à l'écran.
 */
public final class NcSession {

    private NcSession() {
    }

    /** La ligne de commande {@code nc} vers un port de la boucle locale. */
    public static List<String> nc(int port, String... options) {
        List<String> cmd = new ArrayList<>(List.of("nc"));
        cmd.addAll(List.of(options));
        cmd.add("127.0.0.1");
        cmd.add(Integer.toString(port));
        return cmd;
    }

    /**
     * Lance {@code command}, envoie chaque requête et attend, pour chacune,
     * une ligne de réponse de plus. Rend la transcription, précédée de
     * {@code $ shownCommand}.
     */
    public static String run(List<String> command, String shownCommand,
            List<String> requests) {
        StringBuilder transcript = new StringBuilder("$ " + shownCommand + "\n");
        try (ChildJvm nc = ChildJvm.start(command)) {
            int expected = 0;
            for (String request : requests) {
                nc.send(request);
                transcript.append(request).append('\n');
                int want = ++expected;
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> nc.stdout().lines().count() >= want);
                List<String> lines = nc.stdout().lines().toList();
                transcript.append(lines.get(want - 1)).append('\n');
            }
        }
        return transcript.toString();
    }
}
