package fr.progsys.tp.serveurmq;

import java.util.concurrent.CountDownLatch;

import fr.progsys.tp.Orphelin;

/**
 * Un client dans un autre processus : {@code nomServeur nomReponses x}.
 * Annonce « prêt », attend une ligne sur l'entrée standard, puis calcule ;
 * s'arrête seul si le test disparaît.
 */
final class ClientEnfant {

    private ClientEnfant() {
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch depart = Orphelin.surveiller();
        try (ClientMq c = new ClientMq(args[0], args[1])) {
            System.out.println("prêt");
            depart.await();
            System.out.println("résultat " + c.calculer(Long.parseLong(args[2]),
                    false));
        }
    }
}
