package fr.progsys.tp.serveurmq;

/**
 * Code fourni : le protocole du serveur de calcul. Une requête porte le nom
 * de la file où répondre, un numéro et la donnée ; la réponse porte le même
 * numéro et le résultat. Les messages sont du texte.
 */
public final class MessagesMq {

    /** Priorité d'une requête ordinaire. */
    public static final int NORMALE = 0;
    /** Priorité d'une requête urgente : mq_receive la rend avant les autres. */
    public static final int URGENTE = 10;
    /** mq_msgsize des files du TP. */
    public static final long TAILLE = 256;
    /** mq_maxmsg des files du TP. */
    public static final long CAPACITE = 10;
    /** Le message qui arrête le serveur. */
    public static final String STOP = "stop";

    private MessagesMq() {
    }

    /** Le calcul que rend le serveur (un carré, pour que le test le vérifie). */
    public static long calcul(long x) {
        return x * x;
    }

    /** « file-de-réponse id x ». */
    public record Requete(String fileReponse, long id, long x) {

        public String texte() {
            return fileReponse + " " + id + " " + x;
        }

        public static Requete lire(String texte) {
            String[] p = texte.split(" ");
            return new Requete(p[0], Long.parseLong(p[1]), Long.parseLong(p[2]));
        }
    }

    /** « id résultat ». */
    public record Reponse(long id, long valeur) {

        public String texte() {
            return id + " " + valeur;
        }

        public static Reponse lire(String texte) {
            String[] p = texte.split(" ");
            return new Reponse(Long.parseLong(p[0]), Long.parseLong(p[1]));
        }
    }
}
