package fr.progsys.tp.calcul;

/** Code fourni : le critère d'une recherche ; il peut bloquer (interruptible). */
@FunctionalInterface
public interface Critere {

    boolean accepte(long x) throws InterruptedException;
}
