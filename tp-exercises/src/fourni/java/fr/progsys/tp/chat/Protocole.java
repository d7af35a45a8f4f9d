package fr.progsys.tp.chat;

/**
 * Code fourni : le protocole du chat, des lignes de texte UTF-8. La première
 * ligne d'un client est son pseudo ; chaque ligne suivante est diffusée à
 * tous les clients présents, son auteur compris (c'est son accusé).
 */
public final class Protocole {

    private Protocole() {
    }

    /** Diffusé quand un client a donné son pseudo. */
    public static String arrivee(String pseudo) {
        return "* " + pseudo + " arrive";
    }

    /** Diffusé quand un client s'en va (fin de flux ou erreur). */
    public static String depart(String pseudo) {
        return "* " + pseudo + " part";
    }

    /** Diffusé pour chaque ligne d'un client. */
    public static String message(String pseudo, String texte) {
        return pseudo + ": " + texte;
    }
}
