package fr.progsys.jmm;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.concurrent.locks.ReentrantLock;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/** Le {@code counter++} ordinaire, entre {@code lock()} et {@code unlock()}. */
@JCStressTest
@Description("T14, T15, T16 : counter++ sous ReentrantLock ne perd aucun"
        + " incrément")
@Outcome(id = "2", expect = ACCEPTABLE, desc = "les deux incréments comptent")
@Outcome(expect = FORBIDDEN, desc = "un incrément perdu")
@State
public class ReentrantLockCounter {

    // tag::test[]
    final ReentrantLock lock = new ReentrantLock();
    int counter;

    @Actor
    public void first() {
        lock.lock();
        try {
            counter++;
        } finally {
            lock.unlock();
        }
    }

    @Actor
    public void second() {
        lock.lock();
        try {
            counter++;
        } finally {
            lock.unlock();
        }
    }
    // end::test[]

    @Arbiter
    public void result(I_Result r) {
        r.r1 = counter;
    }
}
