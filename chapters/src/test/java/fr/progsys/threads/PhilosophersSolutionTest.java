package fr.progsys.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import fr.progsys.CTwins;
import fr.progsys.testkit.ChildJvm;

/**
 * La solution C du TD des philosophes (philosophers_solution.c), montrée
 * dans l'annexe des solutions de l'édition enseignant.
 */
@DisplayName("T19 : la solution C des philosophes, veut-manger à N − 1")
class PhilosophersSolutionTest {

    @Test
    @Timeout(120)
    @DisplayName("T19 : dans le pire ordonnancement, forcé par une barrière,"
            + " veut-manger retient le cinquième : pas d'interblocage, chacun"
            + " mange ses 3 repas")
    void footmanPreventsTheDeadlock(@TempDir Path dir) {
        // Ce test attrape les solutions fausses, à chaque exécution :
        // - veut-manger initialisé à N (ou absent) : les cinq s'assoient,
        //   tiennent leur gauche à la barrière, puis attendent tous leur
        //   droite ; le programme ne finit jamais et le délai de 10 s fait
        //   échouer runCaptured ;
        // - un sem_post(&footman) oublié : le cinquième attend une place
        //   pour toujours, même échec par le délai ;
        // - veut-manger à N − 2 : deux lignes « veut-manger à 0 » au lieu
        //   d'une.
        ChildJvm.Result run = CTwins.runCaptured(
                "threads/philosophers_solution.c", dir, Duration.ofSeconds(10),
                "threads/philosophers-solution-c.txt");
        List<String> lines = run.stdout().lines().toList();
        // Avant la barrière, tous ont tenté de s'asseoir : quatre assis, leur
        // gauche en main, et un seul refusé par sem_trywait (EAGAIN).
        assertThat(lines.subList(0, 5))
                .filteredOn(l -> l.contains(": assis, baguette")).hasSize(4);
        assertThat(lines.subList(0, 5))
                .filteredOn(l -> l.endsWith("veut-manger à 0, j'attends une place"))
                .hasSize(1);
        for (String name : List.of("Platon", "Kant", "Spinoza", "Arendt", "Weil")) {
            assertThat(lines).contains("main : " + name + " a mangé 3 fois");
        }
        assertThat(lines).hasSize(11)
                .endsWith("main : tous ont fini, pas d'interblocage");
    }
}
