package fr.progsys.tp.philosophes;

/** Code fourni : ce que fait un philosophe quand il tient ses deux baguettes. */
@FunctionalInterface
public interface Mangeur {

    void manger(int philosophe) throws InterruptedException;
}
