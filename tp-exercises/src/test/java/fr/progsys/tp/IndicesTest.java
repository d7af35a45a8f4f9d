package fr.progsys.tp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Les indices que lit la boucle étudiante : trois par TP, du plus léger au
 * plus fort. Un TP dont le code viendrait avant l'idée clé, ou à qui
 * manquerait l'étiquette {@code <tp>-code}, échoue ici.
 */
@DisplayName("Les indices des TP")
class IndicesTest {

    @Test
    @DisplayName("les huit TP, dans l'ordre du livre")
    void eightTpsInBookOrder() {
        assertThat(Indices.tps()).containsExactly("philosophes", "prodcons",
                "calcul", "serveurmq", "tampon", "udp", "chat", "selector");
    }

    @Test
    @DisplayName("chaque TP a une piste, puis l'idée clé, puis le code")
    void threeProgressiveLevels() {
        for (String tp : Indices.tps()) {
            List<Indices.Indice> liste = Indices.de(tp);
            assertThat(liste).as(tp).extracting(Indices.Indice::titre)
                    .satisfiesExactly(
                            t -> assertThat(t).startsWith("Indice 1\u00a0: piste, "),
                            t -> assertThat(t).startsWith("Indice 2\u00a0: l'idée clé, "),
                            t -> assertThat(t).isEqualTo("Indice 3\u00a0: le code"));
            assertThat(liste).as(tp).allSatisfy(i -> assertThat(i.texte()).isNotBlank());
            // La piste est une question : elle ne donne pas encore de code.
            assertThat(liste.get(0).texte()).as(tp + " : la piste").contains("?");
        }
    }
}
