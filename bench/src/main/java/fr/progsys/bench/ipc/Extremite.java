package fr.progsys.bench.ipc;

import java.io.IOException;
import java.util.List;

/** Le côté qui mesure, prêt avant que l'autre processus n'arrive. */
interface Extremite {

    /** Ce que l'autre processus doit savoir pour nous joindre (chemin, port, noms). */
    List<String> adresse();

    /** Attend l'autre processus et rend le canal établi. */
    Canal accepter() throws IOException;
}
