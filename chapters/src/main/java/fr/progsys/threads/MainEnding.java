package fr.progsys.threads;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import fr.progsys.Example;

/**
 * Que devient un thread quand {@code main} se termine ? Un thread ordinaire
 * (non démon) garde la JVM en vie : elle l'attend. Un thread démon meurt avec
 * la JVM. {@code System.exit} termine le processus et tous ses threads,
 * comme {@code exit()} en C.
 *
 * <p>Le thread « veilleuse » attend une ligne sur l'entrée standard : c'est
 * le test (ou vous, au clavier) qui décide quand il finit.
 */
@Example(name = "threads.main-ending", slides = {"T05", "T07"},
        value = "Fin de main : thread ordinaire, démon, ou System.exit")
public final class MainEnding {

    private MainEnding() {
    }

    // tag::main[]
    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "ordinaire";
        Thread nightLight = new Thread(MainEnding::waitForALine, "veilleuse");
        nightLight.setDaemon(mode.equals("demon")); // avant start()
        nightLight.start();
        System.out.printf("main : veilleuse lancée (démon : %b)%n",
                nightLight.isDaemon());
        if (mode.equals("exit")) {
            System.out.println("main : System.exit(0)");
            System.exit(0); // fin du processus : tous les threads meurent
        }
        System.out.println("main : je termine");
    } // ordinaire : la JVM attend la veilleuse ; démon : elle ne l'attend pas
    // end::main[]

    // tag::routine[]
    static void waitForALine() {
        System.out.println("veilleuse : j'attends une ligne sur stdin");
        try {
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine(); // bloque dans read(2)
            System.out.println("veilleuse : reçu « " + line + " », je finis");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
    // end::routine[]
}
