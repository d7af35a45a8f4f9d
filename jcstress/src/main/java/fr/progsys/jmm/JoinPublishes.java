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
 * Ce qu'un thread a écrit est vu par celui qui l'attend par {@code join()}
 * (JLS 17.4.5 : toute action d'un thread arrive-avant le retour de join).
 */
@JCStressTest
@Description("T02, T09 : Thread.join publie ce que le thread attendu a écrit")
@Outcome(id = "42", expect = ACCEPTABLE,
        desc = "après join, l'écriture du thread fini est vue")
@Outcome(expect = FORBIDDEN, desc = "après join, l'écriture n'est pas vue")
@State
public class JoinPublishes {

    // tag::test[]
    int data; // champ ordinaire

    @Actor
    public void parent(I_Result r) {
        Thread child = new Thread(() -> data = 42);
        child.start();
        Joins.join(child); // la fin de child arrive-avant ce retour
        r.r1 = data;
    }
    // end::test[]
}
