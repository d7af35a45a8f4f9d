package fr.progsys.tp.tampon;

import fr.progsys.posix.MappedMemory;
import fr.progsys.posix.NamedSemaphore;
import fr.progsys.posix.SharedMemory;

/**
 * TP tampon circulaire en mémoire partagée : le tampon du TP prodcons, mais
 * entre deux processus. Les cases et les indices vivent dans un segment
 * shm_open + mmap(MAP_SHARED) ; les trois sémaphores sont nommés (sem_open).
 */
public final class TamponPartage implements AutoCloseable {

    // tag::etat[]
    private final int capacite;
    private final SharedMemory segment;
    private final MappedMemory zone;      // le segment projeté, MAP_SHARED
    private final NamedSemaphore libres;  // places libres
    private final NamedSemaphore pleines; // cases pleines
    private final NamedSemaphore mutex;
    // end::etat[]

    private TamponPartage(int capacite, SharedMemory segment, MappedMemory zone,
            NamedSemaphore libres, NamedSemaphore pleines, NamedSemaphore mutex) {
        this.capacite = capacite;
        this.segment = segment;
        this.zone = zone;
        this.libres = libres;
        this.pleines = pleines;
        this.mutex = mutex;
    }

    // tag::squelette[]
    /** Crée le segment et les sémaphores (ils ne doivent pas exister). */
    public static TamponPartage creer(String nom, int capacite) {
        // TODO 1 : SharedMemory.open(nom, O_CREAT | O_EXCL | O_RDWR, 0600),
        //          truncate(Disposition.taille(capacite)), map(…, PROT_READ |
        //          PROT_WRITE, MAP_SHARED) ; les trois NamedSemaphore.open
        //          avec O_CREAT | O_EXCL et leurs valeurs initiales.
        throw new UnsupportedOperationException("TP tampon : à compléter"
                + " — TamponPartage.creer");
    }

    /** Ouvre un tampon déjà créé (par un autre processus). */
    public static TamponPartage ouvrir(String nom, int capacite) {
        // TODO 2 : les mêmes objets, sans O_CREAT (ni truncate).
        throw new UnsupportedOperationException("TP tampon : à compléter"
                + " — TamponPartage.ouvrir");
    }

    /** Dépose x ; bloque tant que le tampon est plein. */
    public void deposer(long x) {
        // TODO 3 : comme au TP prodcons, mais entree se lit et s'écrit dans
        //          la zone (getInt / putInt), et la case par putLong.
        throw new UnsupportedOperationException("TP tampon : à compléter"
                + " — TamponPartage.deposer");
    }

    /** Retire l'élément le plus ancien ; bloque tant que le tampon est vide. */
    public long retirer() {
        // TODO 4 : le symétrique, avec sortie.
        throw new UnsupportedOperationException("TP tampon : à compléter"
                + " — TamponPartage.retirer");
    }

    /** Ce processus cesse de s'en servir : munmap, close, sem_close. */
    @Override
    public void close() {
        // TODO 5 : tout fermer ; les objets et leurs noms restent.
        throw new UnsupportedOperationException("TP tampon : à compléter"
                + " — TamponPartage.close");
    }

    /** Supprime les noms : shm_unlink et trois sem_unlink. */
    public static void supprimer(String nom) {
        // TODO 6 : sinon, ils restent dans /dev/shm jusqu'au redémarrage.
        throw new UnsupportedOperationException("TP tampon : à compléter"
                + " — TamponPartage.supprimer");
    }
    // end::squelette[]
}
