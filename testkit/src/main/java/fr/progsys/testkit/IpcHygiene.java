package fr.progsys.testkit;

import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Extension JUnit 5 : fait échouer le test qui laisse derrière lui un objet
 * IPC (entrée de {@code /dev/shm} — mémoire partagée ou sémaphore nommé —,
 * file de {@code /dev/mqueue}), un descripteur ou une projection vers un tel
 * objet, ou un processus enfant vivant. Les restes sont nettoyés aussitôt,
 * pour que le test suivant parte propre.
 *
 * <p>Avant la classe de test, le {@link IpcSweeper} supprime les objets
 * abandonnés par une exécution précédente tuée.
 *
 * <pre>
 * &#64;ExtendWith(IpcHygiene.class)
 * class MessageQueueTest { … }
 * </pre>
 *
 * Les noms doivent venir de {@link IpcNames#unique(String)} : seuls ceux de
 * cette JVM sont surveillés. Sans {@code /dev/mqueue} monté, une file non
 * supprimée (mq_unlink oublié) n'a aucune trace dans le système de fichiers :
 * le relevé sonde alors par {@code mq_open} chacun des noms fabriqués par
 * {@link IpcNames}, et la voit quand même.
 */
public final class IpcHygiene implements BeforeAllCallback, BeforeEachCallback,
        AfterEachCallback {

    private static final ExtensionContext.Namespace NS =
            ExtensionContext.Namespace.create(IpcHygiene.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        IpcSweeper.sweep();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put("avant", IpcSnapshot.take());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        IpcSnapshot before = context.getStore(NS).remove("avant", IpcSnapshot.class);
        if (before == null) {
            return;
        }
        IpcSnapshot after = IpcSnapshot.take();
        List<String> leaks = after.leaksSince(before);
        if (!leaks.isEmpty()) {
            after.cleanUpSince(before);
            throw new AssertionError("le test « " + context.getDisplayName()
                    + " » laisse des restes :\n  " + String.join("\n  ", leaks));
        }
    }
}
