package fr.progsys.jmm;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Un thread construit un objet et range sa référence dans un champ ordinaire
 * (publication par course) ; un autre lit la référence, puis les champs.
 */
@JCStressTest
@Description("T02, T13 : un objet publié par une course peut être vu à"
        + " moitié construit (champs ordinaires)")
@Outcome(id = "-1, -1", expect = ACCEPTABLE, desc = "pas encore publié")
@Outcome(id = "1, 2", expect = ACCEPTABLE, desc = "vu entièrement construit")
@Outcome(expect = ACCEPTABLE_INTERESTING, desc = "vu à moitié construit")
@State
public class RacyPublicationPlain {

    // tag::test[]
    static final class Point {
        int x;
        int y;

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
            r.r1 = p.x; // 0 possible : écriture du constructeur pas vue
            r.r2 = p.y;
        }
    }
    // end::test[]
}
