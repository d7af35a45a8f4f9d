package fr.progsys.jmm;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.concurrent.atomic.AtomicInteger;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/** {@code incrementAndGet} : une seule opération indivisible. */
@JCStressTest
@Description("T13 : AtomicInteger.incrementAndGet ne perd aucun incrément")
@Outcome(id = "2", expect = ACCEPTABLE, desc = "les deux incréments comptent")
@Outcome(expect = FORBIDDEN, desc = "un incrément perdu")
@State
public class LostUpdateAtomic {

    // tag::test[]
    final AtomicInteger counter = new AtomicInteger();

    @Actor
    public void first() {
        counter.incrementAndGet(); // lock xadd sur x86 : indivisible
    }

    @Actor
    public void second() {
        counter.incrementAndGet();
    }

    @Arbiter
    public void result(I_Result r) {
        r.r1 = counter.get();
    }
    // end::test[]
}
