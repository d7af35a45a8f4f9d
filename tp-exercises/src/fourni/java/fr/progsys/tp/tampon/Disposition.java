package fr.progsys.tp.tampon;

/**
 * Code fourni : où sont les choses dans le segment partagé, et comment
 * s'appellent les trois sémaphores nommés d'un tampon. Les deux processus
 * doivent être d'accord là-dessus au octet près.
 *
 * <pre>
 * octet 0 : int entree    (prochaine case où déposer)
 * octet 4 : int sortie    (prochaine case où retirer)
 * octet 8 : capacite × long, les cases
 * </pre>
 */
public final class Disposition {

    public static final long ENTREE = 0;
    public static final long SORTIE = 4;
    public static final long CASES = 8;

    private Disposition() {
    }

    /** Taille du segment (ftruncate) pour une capacité donnée. */
    public static long taille(int capacite) {
        return CASES + 8L * capacite;
    }

    /** Position de la case i. */
    public static long caseNumero(int i) {
        return CASES + 8L * i;
    }

    /** Nom du sémaphore des places libres (valeur initiale : capacité). */
    public static String libres(String nom) {
        return nom + "-libres";
    }

    /** Nom du sémaphore des cases pleines (valeur initiale : 0). */
    public static String pleines(String nom) {
        return nom + "-pleines";
    }

    /** Nom du mutex (valeur initiale : 1). */
    public static String mutex(String nom) {
        return nom + "-mutex";
    }
}
