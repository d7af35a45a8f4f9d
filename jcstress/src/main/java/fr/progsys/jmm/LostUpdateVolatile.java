package fr.progsys.jmm;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/** Le même {@code counter++}, sur un champ {@code volatile}. */
@JCStressTest
@Description("T13 : counter++ sur un volatile int perd aussi des incréments")
@Outcome(id = "2", expect = ACCEPTABLE, desc = "les deux incréments comptent")
@Outcome(id = "1", expect = ACCEPTABLE_INTERESTING,
        desc = "un incrément perdu")
@State
public class LostUpdateVolatile {

    // tag::test[]
    volatile int counter;

    @Actor
    public void first() {
        counter++; // lire, ajouter 1, écrire : trois temps
    }

    @Actor
    public void second() {
        counter++;
    }

    @Arbiter // après la fin des deux acteurs
    public void result(I_Result r) {
        r.r1 = counter;
    }
    // end::test[]
}
