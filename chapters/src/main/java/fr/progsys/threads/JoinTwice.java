package fr.progsys.threads;

import fr.progsys.Example;

/**
 * {@code join()} attend la fin d'un thread, comme {@code pthread_join}. En
 * Java, tout thread est joignable, autant de fois qu'on veut : un second
 * {@code join()} revient tout de suite. Un thread démon se joint aussi :
 * « démon » ne veut pas dire « détaché ».
 */
@Example(name = "threads.join", slides = {"T08", "T09"},
        value = "join attend la fin ; un second join revient tout de suite")
public final class JoinTwice {

    private JoinTwice() {
    }

    // tag::main[]
    public static void main(String[] args) throws InterruptedException {
        Thread worker = new Thread(
                () -> System.out.println("cadette : je travaille puis je finis"),
                "cadette");
        worker.start();
        worker.join(); // bloque jusqu'à la fin de cadette
        System.out.println("main : premier join revenu, cadette vivante : "
                + worker.isAlive());
        worker.join(); // déjà fini : revient aussitôt (en C : indéfini !)
        System.out.println("main : second join revenu aussitôt");

        Thread daemon = new Thread(
                () -> System.out.println("démon : je travaille aussi"), "démon");
        daemon.setDaemon(true);
        daemon.start();
        daemon.join(); // un démon reste joignable
        System.out.println("main : démon joint, vivant : " + daemon.isAlive());
    }
    // end::main[]
}
