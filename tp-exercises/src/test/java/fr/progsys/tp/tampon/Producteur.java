package fr.progsys.tp.tampon;

import fr.progsys.tp.Orphelin;

/**
 * Le producteur, dans un autre processus : {@code nom capacite debut n}.
 * Annonce son TID, ouvre le tampon, dépose debut … debut + n − 1 et l'annonce à chaque fois.
 */
final class Producteur {

    private Producteur() {
    }

    public static void main(String[] args) {
        Orphelin.surveiller(); // bloqué pour toujours ? pas après le test
        System.out.println("tid " + Sondage.monTid());
        int capacite = Integer.parseInt(args[1]);
        long debut = Long.parseLong(args[2]);
        int n = Integer.parseInt(args[3]);
        try (TamponPartage t = TamponPartage.ouvrir(args[0], capacite)) {
            System.out.println("ouvert");
            for (int i = 0; i < n; i++) {
                t.deposer(debut + i);
                System.out.println("déposé " + (debut + i));
            }
        }
        System.out.println("fini");
    }
}
