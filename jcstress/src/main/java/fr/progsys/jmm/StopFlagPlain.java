package fr.progsys.jmm;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/**
 * Un thread tourne tant qu'un drapeau ordinaire est faux ; un autre le met à
 * vrai. Mode Termination : jcstress lance l'acteur, envoie le signal, puis
 * note TERMINATED si l'acteur a fini à temps, STALE sinon.
 */
@JCStressTest(Mode.Termination)
@Description("T13 : un drapeau d'arrêt ordinaire peut n'être jamais vu")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE,
        desc = "le thread a vu le drapeau et s'est arrêté")
@Outcome(id = "STALE", expect = ACCEPTABLE_INTERESTING,
        desc = "le thread ne voit jamais le drapeau et tourne encore")
@State
public class StopFlagPlain {

    // tag::test[]
    boolean stop;

    @Actor
    public void worker() {
        while (!stop) {
            // rien : le compilateur peut lire stop une seule fois
        }
    }

    @Signal
    public void stopIt() {
        stop = true;
    }
    // end::test[]
}
