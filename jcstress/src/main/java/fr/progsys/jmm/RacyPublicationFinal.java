package fr.progsys.jmm;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * La même publication par course, d'un objet dont les champs sont
 * {@code final} : qui voit la référence voit les valeurs du constructeur.
 */
@JCStressTest
@Description("T02, T13 : un objet aux champs final, même publié par une"
        + " course, est toujours vu entièrement construit")
@Outcome(id = "-1, -1", expect = ACCEPTABLE, desc = "pas encore publié")
@Outcome(id = "1, 2", expect = ACCEPTABLE, desc = "vu entièrement construit")
@Outcome(expect = FORBIDDEN, desc = "vu à moitié construit")
@State
public class RacyPublicationFinal {

    // tag::test[]
    static final class Point {
        final int x; // JLS 17.5 : figés à la fin du constructeur
        final int y;

        Point(int v) {
            x = v;
            y = x + v;
        }
    }

    int v = 1;
    Point shared; // ni volatile, ni verrou

    @Actor
    public void writer() {
        shared = new Point(v);
    }

    @Actor
    public void reader(II_Result r) {
        Point p = shared;
        if (p == null) {
            r.r1 = -1;
            r.r2 = -1;
        } else {
            r.r1 = p.x; // toujours 1 : x est final
            r.r2 = p.y;
        }
    }
    // end::test[]
}
