package fr.progsys.jmm;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/**
 * Le même drapeau, déclaré {@code volatile} : un thread tourne tant qu'il
 * est faux ; un autre le met à vrai. Mode Termination : jcstress lance
 * l'acteur, envoie le signal, puis note TERMINATED si l'acteur a fini à
 * temps, STALE sinon.
 */
@JCStressTest(Mode.Termination)
@Description("T13 : un drapeau d'arrêt volatile est toujours vu")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE,
        desc = "le thread a vu le drapeau et s'est arrêté")
@Outcome(id = "STALE", expect = FORBIDDEN,
        desc = "le thread ne voit jamais le drapeau et tourne encore")
@State
public class StopFlagVolatile {

    // tag::test[]
    volatile boolean stop;

    @Actor
    public void worker() {
        while (!stop) {
            // chaque tour relit stop en mémoire
        }
    }

    @Signal
    public void stopIt() {
        stop = true;
    }
    // end::test[]
}
