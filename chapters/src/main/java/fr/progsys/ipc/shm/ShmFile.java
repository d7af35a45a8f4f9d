package fr.progsys.ipc.shm;

import static fr.progsys.posix.OpenFlags.O_CREAT;
import static fr.progsys.posix.OpenFlags.O_EXCL;
import static fr.progsys.posix.OpenFlags.O_RDWR;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import fr.progsys.Example;
import fr.progsys.posix.SharedMemory;

/**
 * Sous Linux, le descripteur d'un objet de mémoire partagée se lit et
 * s'écrit comme un fichier du tmpfs /dev/shm ; shm_unlink retire le nom
 * mais le descripteur reste utilisable.
 */
@Example(name = "ipc.shm.file", slides = {"I10", "I11"},
        value = "read/write sur le descripteur, puis shm_unlink")
public final class ShmFile {

    private ShmFile() {
    }

    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "/progsys-fichier";
        Path file = Path.of("/dev/shm", name.substring(1));
        // tag::main[]
        try (SharedMemory shm = SharedMemory.open(name,
                O_CREAT | O_EXCL | O_RDWR, 0600)) {
            byte[] text = "écrit par write\n".getBytes(StandardCharsets.UTF_8);
            shm.write(text); // l'objet grandit comme un fichier
            System.out.println("après write : " + shm.size() + " octets, "
                    + file + " existe : " + Files.exists(file));
            SharedMemory.unlink(name); // le nom disparaît…
            System.out.println("après shm_unlink : " + file + " existe : "
                    + Files.exists(file));
            shm.seek(0); // lseek(fd, 0, SEEK_SET)
            byte[] back = new byte[64];
            int n = shm.read(back); // … le descripteur marche encore
            System.out.print("read : " + new String(back, 0, n,
                    StandardCharsets.UTF_8));
        } // close : dernier descripteur, l'objet est libéré
        // end::main[]
    }
}
