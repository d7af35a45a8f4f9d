package fr.progsys.sockets.basics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import fr.progsys.Example;

/**
 * Le troisième argument de socket() : le numéro de protocole, listé dans
 * /etc/protocols (man 5 protocols). 0 laisse le système choisir celui qui
 * va avec le type : TCP pour SOCK_STREAM, UDP pour SOCK_DGRAM.
 */
@Example(name = "sockets.basics.protocols", slides = {"S04"},
        value = "/etc/protocols : ip 0, tcp 6, udp 17")
public final class Protocols {

    private Protocols() {
    }

    // tag::parse[]
    /** Nom → numéro, tel que le lit getprotobyname. */
    static Map<String, Integer> read(Path file) throws IOException {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String data = line.split("#", 2)[0].trim(); // sans commentaire
            if (!data.isEmpty()) {
                String[] fields = data.split("\\s+"); // nom numéro alias…
                numbers.put(fields[0], Integer.parseInt(fields[1]));
            }
        }
        return numbers;
    }
    // end::parse[]

    public static void main(String[] args) throws IOException {
        Map<String, Integer> numbers = read(Path.of("/etc/protocols"));
        for (String name : new String[] {"ip", "tcp", "udp"}) {
            System.out.println(name + " " + numbers.get(name));
        }
    }
}
