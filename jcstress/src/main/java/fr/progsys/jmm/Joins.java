package fr.progsys.jmm;

/** Un acteur jcstress ne peut pas lever d'exception contrôlée. */
final class Joins {

    private Joins() {
    }

    /** {@code t.join()}, en gardant une éventuelle interruption pour plus tard. */
    static void join(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
