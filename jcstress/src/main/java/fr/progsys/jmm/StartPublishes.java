package fr.progsys.jmm;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * Ce qu'un thread écrit avant {@code start()} est vu par le thread démarré
 * (JLS 17.4.5 : l'appel de start arrive-avant toute action du thread démarré).
 */
@JCStressTest
@Description("T02, T03 : Thread.start publie ce qui a été écrit avant")
@Outcome(id = "42", expect = ACCEPTABLE,
        desc = "le thread démarré voit l'écriture faite avant start")
@Outcome(expect = FORBIDDEN, desc = "le thread démarré ne la voit pas")
@State
public class StartPublishes {

    // tag::test[]
    int data; // champ ordinaire : ni volatile, ni verrou

    @Actor
    public void parent(I_Result r) {
        data = 42;
        int[] seen = new int[1];
        Thread child = new Thread(() -> seen[0] = data);
        child.start(); // tout ce qui précède est visible de child
        Joins.join(child); // et tout ce qu'a fait child est visible ici
        r.r1 = seen[0];
    }
    // end::test[]
}
