package fr.progsys.tp.tampon;

import static fr.progsys.posix.Mman.MAP_SHARED;
import static fr.progsys.posix.Mman.PROT_READ;
import static fr.progsys.posix.Mman.PROT_WRITE;
import static fr.progsys.posix.OpenFlags.O_CREAT;
import static fr.progsys.posix.OpenFlags.O_EXCL;
import static fr.progsys.posix.OpenFlags.O_RDWR;

import fr.progsys.posix.MappedMemory;
import fr.progsys.posix.NamedSemaphore;
import fr.progsys.posix.SharedMemory;

/** Solution du TP tampon circulaire en mémoire partagée. */
public final class TamponPartage implements AutoCloseable {

    private final int capacite;
    private final SharedMemory segment;
    private final MappedMemory zone;
    private final NamedSemaphore libres;
    private final NamedSemaphore pleines;
    private final NamedSemaphore mutex;

    private TamponPartage(int capacite, SharedMemory segment, MappedMemory zone,
            NamedSemaphore libres, NamedSemaphore pleines, NamedSemaphore mutex) {
        this.capacite = capacite;
        this.segment = segment;
        this.zone = zone;
        this.libres = libres;
        this.pleines = pleines;
        this.mutex = mutex;
    }

    // tag::solution[]
    public static TamponPartage creer(String nom, int capacite) {
        int creation = O_CREAT | O_EXCL | O_RDWR;
        SharedMemory segment = SharedMemory.open(nom, creation, 0600);
        // Un objet neuf a une taille nulle : ftruncate avant mmap.
        segment.truncate(Disposition.taille(capacite));
        MappedMemory zone = segment.map(Disposition.taille(capacite),
                PROT_READ | PROT_WRITE, MAP_SHARED); // indices à 0 : neuf
        return new TamponPartage(capacite, segment, zone,
                NamedSemaphore.open(Disposition.libres(nom), creation, 0600,
                        capacite),
                NamedSemaphore.open(Disposition.pleines(nom), creation, 0600, 0),
                NamedSemaphore.open(Disposition.mutex(nom), creation, 0600, 1));
    }

    public static TamponPartage ouvrir(String nom, int capacite) {
        SharedMemory segment = SharedMemory.open(nom, O_RDWR);
        MappedMemory zone = segment.map(Disposition.taille(capacite),
                PROT_READ | PROT_WRITE, MAP_SHARED);
        return new TamponPartage(capacite, segment, zone,
                NamedSemaphore.open(Disposition.libres(nom), O_RDWR),
                NamedSemaphore.open(Disposition.pleines(nom), O_RDWR),
                NamedSemaphore.open(Disposition.mutex(nom), O_RDWR));
    }

    public void deposer(long x) {
        libres.await(); // bloque (dans le noyau) si le tampon est plein
        mutex.await();
        int entree = zone.getInt(Disposition.ENTREE);
        zone.putLong(Disposition.caseNumero(entree), x);
        zone.putInt(Disposition.ENTREE, (entree + 1) % capacite);
        mutex.post();
        pleines.post();
    }

    public long retirer() {
        pleines.await();
        mutex.await();
        int sortie = zone.getInt(Disposition.SORTIE);
        long x = zone.getLong(Disposition.caseNumero(sortie));
        zone.putInt(Disposition.SORTIE, (sortie + 1) % capacite);
        mutex.post();
        libres.post();
        return x;
    }

    @Override
    public void close() {
        zone.unmap();
        segment.close();
        libres.close();
        pleines.close();
        mutex.close();
    }

    public static void supprimer(String nom) {
        SharedMemory.unlink(nom);
        NamedSemaphore.unlink(Disposition.libres(nom));
        NamedSemaphore.unlink(Disposition.pleines(nom));
        NamedSemaphore.unlink(Disposition.mutex(nom));
    }
    // end::solution[]
}
