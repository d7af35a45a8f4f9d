package fr.progsys.bench.ipc;

import java.io.IOException;
import java.util.List;

/** Le côté qui mesure, prêt avant que l'autre processus n'arrive. */
interface Endpoint {

    /** Ce que l'autre processus doit savoir pour nous joindre (chemin, port, noms). */
    List<String> address();

    /** Attend l'autre processus et rend le lien établi. */
    Link accept() throws IOException;
}
