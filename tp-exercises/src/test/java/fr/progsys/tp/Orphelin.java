package fr.progsys.tp;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;

/**
 * Pour les processus enfants des tests : si le parent disparaît (fin de la
 * JVM de test, même après un délai dépassé), l'entrée standard de l'enfant
 * se ferme et l'enfant s'arrête aussitôt, même bloqué dans un sem_wait.
 */
public final class Orphelin {

    private Orphelin() {
    }

    /**
     * Surveille l'entrée standard dans un thread démon ; le loquet rendu
     * tombe à la première ligne reçue (un signal de départ du test).
     */
    public static CountDownLatch surveiller() {
        CountDownLatch depart = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            InputStream in = System.in;
            try {
                int c;
                while ((c = in.read()) != -1) {
                    if (c == '\n') {
                        depart.countDown();
                    }
                }
            } catch (IOException e) {
                // entrée fermée : le parent est parti
            }
            Runtime.getRuntime().halt(3);
        }, "orphelin");
        t.setDaemon(true);
        t.start();
        return depart;
    }
}
