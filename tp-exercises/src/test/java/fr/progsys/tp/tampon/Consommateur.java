package fr.progsys.tp.tampon;

import fr.progsys.tp.Orphelin;

/**
 * Le consommateur, dans un autre processus : {@code nom capacite n}.
 * Annonce son TID, ouvre le tampon, retire n éléments et les annonce.
 */
final class Consommateur {

    private Consommateur() {
    }

    public static void main(String[] args) {
        Orphelin.surveiller();
        System.out.println("tid " + Sondage.monTid());
        int capacite = Integer.parseInt(args[1]);
        int n = Integer.parseInt(args[2]);
        try (TamponPartage t = TamponPartage.ouvrir(args[0], capacite)) {
            System.out.println("ouvert");
            for (int i = 0; i < n; i++) {
                System.out.println("retiré " + t.retirer());
            }
        }
        System.out.println("fini");
    }
}
