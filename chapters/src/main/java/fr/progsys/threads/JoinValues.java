package fr.progsys.threads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import fr.progsys.Example;
import fr.progsys.posix.Unistd;

/**
 * Reprise de l'exemple des trois threads : chacun rend son propre nom en
 * finissant ; {@code main} les attend dans l'ordre de création et affiche,
 * pour chacun, son identifiant et la valeur rendue.
 */
@Example(name = "threads.join-values", slides = {"T10", "T11"},
        value = "Chaque thread rend son nom ; main les joint dans l'ordre")
public final class JoinValues {

    private JoinValues() {
    }

    // tag::routine[]
    /** La routine rend une valeur : ici le nom du thread, comme l'exemple C. */
    static String routine() {
        String me = Thread.currentThread().getName();
        System.out.printf("%s : TID %d, je rends mon nom%n", me, Unistd.gettid());
        return me; // pthread_exit(ordre)
    }
    // end::routine[]

    // tag::main[]
    public static void main(String[] args)
            throws InterruptedException, ExecutionException {
        System.out.println("main : processus " + Unistd.getpid() + " actif");
        List<Thread> threads = new ArrayList<>();
        List<FutureTask<String>> results = new ArrayList<>();
        for (String name : List.of("aînée", "cadette", "benjamine")) {
            FutureTask<String> result = new FutureTask<>(JoinValues::routine);
            Thread t = new Thread(result, name);
            threads.add(t);
            results.add(result);
            t.start();
        }
        for (int i = 0; i < threads.size(); i++) {
            threads.get(i).join(); // dans l'ordre, quel que soit l'ordre de fin
            System.out.printf("main : thread n° %d, valeur %s%n",
                    threads.get(i).getId(), results.get(i).get());
        }
        System.out.println("main : processus " + Unistd.getpid() + " fini");
    }
    // end::main[]
}
