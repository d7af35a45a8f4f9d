package fr.progsys.jmm;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/** Le {@code counter++} ordinaire, dans un bloc {@code synchronized}. */
@JCStressTest
@Description("T14, T16 : counter++ sous synchronized ne perd aucun incrément")
@Outcome(id = "2", expect = ACCEPTABLE, desc = "les deux incréments comptent")
@Outcome(expect = FORBIDDEN, desc = "un incrément perdu")
@State
public class SynchronizedCounter {

    // tag::test[]
    int counter;

    @Actor
    public void first() {
        synchronized (this) {
            counter++; // un seul thread à la fois entre lire et écrire
        }
    }

    @Actor
    public void second() {
        synchronized (this) {
            counter++;
        }
    }
    // end::test[]

    @Arbiter
    public void result(I_Result r) {
        r.r1 = counter;
    }
}
