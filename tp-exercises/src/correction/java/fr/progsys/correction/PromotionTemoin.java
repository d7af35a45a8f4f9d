package fr.progsys.correction;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fabrique une grande promotion à partir des copies témoins de
 * {@link CorrecteurTest}, pour mesurer la durée d'une vraie correction :
 * {@code java -cp … fr.progsys.correction.PromotionTemoin <dossier> <n>}
 * (n copies, les six sortes à tour de rôle). Outil ponctuel, pas un test.
 */
final class PromotionTemoin {

    private PromotionTemoin() {
    }

    public static void main(String[] args) throws Exception {
        Path cible = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Path modele = Files.createTempDirectory("promotion-temoin");
        Path promo = Files.createDirectories(modele.resolve("promo"));
        CorrecteurTest.fabriquer(promo, BacASable.detecter().isPresent());
        Path[] sortes;
        try (var s = Files.list(promo)) {
            sortes = s.sorted().toArray(Path[]::new);
        }
        Files.createDirectories(cible);
        for (int i = 0; i < n; i++) {
            Path sorte = sortes[i % sortes.length];
            String nom = String.format("etudiant%02d-%s", i + 1, sorte.getFileName());
            if (Files.isDirectory(sorte)) {
                CorrecteurTest.copier(sorte, cible.resolve(nom));
            } else {
                Files.copy(sorte, cible.resolve(nom.replace(".zip", "") + ".zip"));
            }
        }
        Correcteur.supprimer(modele);
        System.out.println(n + " copies dans " + cible);
    }
}
