package fr.progsys.tp.serveurmq;

import static fr.progsys.posix.OpenFlags.O_CREAT;
import static fr.progsys.posix.OpenFlags.O_EXCL;
import static fr.progsys.posix.OpenFlags.O_RDONLY;
import static fr.progsys.posix.OpenFlags.O_RDWR;
import static fr.progsys.posix.OpenFlags.O_WRONLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import fr.progsys.posix.MessageQueue;
import fr.progsys.posix.PosixException;
import fr.progsys.testkit.ChildJvm;
import fr.progsys.testkit.IpcHygiene;
import fr.progsys.testkit.IpcNames;
import fr.progsys.tp.Fils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@DisplayName("TP serveurmq")
@ExtendWith(IpcHygiene.class)
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServeurMqTest {

    static final Duration MAX = Duration.ofSeconds(10);

    String nomServeur;
    Fils fils;
    ServeurMq serveur;
    Thread boucle;

    @BeforeEach
    void nommer() {
        nomServeur = IpcNames.unique("tp-serveur");
        fils = new Fils();
    }

    @AfterEach
    void arreter() throws InterruptedException {
        try {
            if (boucle != null && boucle.isAlive()) {
                try (MessageQueue q = MessageQueue.open(nomServeur, O_WRONLY)) {
                    q.timedSend(MessagesMq.STOP, MessagesMq.NORMALE, MAX);
                }
                boucle.join(MAX.toMillis());
            }
        } finally {
            if (serveur != null) {
                serveur.close();
            }
            fils.close();
        }
    }

    private void demarrerServeur() {
        serveur = new ServeurMq(nomServeur);
        boucle = fils.demarrer("serveur", serveur::servir);
    }

    /** Une file créée par le test lui-même (O_RDWR), à fermer et supprimer. */
    private static MessageQueue fileDuTest(String nom) {
        return MessageQueue.open(nom, O_CREAT | O_EXCL | O_RDWR, 0600,
                MessageQueue.Attributes.of(MessagesMq.CAPACITE, MessagesMq.TAILLE));
    }

    @Test
    @Order(1)
    @DisplayName("un client demande 7 et reçoit 49 dans sa propre file")
    void oneClientGetsItsAnswer() {
        demarrerServeur();
        try (ClientMq c = new ClientMq(nomServeur, IpcNames.unique("tp-client"))) {
            assertThat(c.calculer(7, false)).isEqualTo(49);
            assertThat(c.calculer(-3, false)).isEqualTo(9);
        }
    }

    @Test
    @Order(2)
    @DisplayName("le client envoie une requête urgente avec la priorité URGENTE,"
            + " une ordinaire avec NORMALE, et y met le nom de sa file")
    void clientUsesPriorities() throws InterruptedException {
        String nomReponses = IpcNames.unique("tp-client");
        try (MessageQueue file = fileDuTest(nomServeur);
                ClientMq c = new ClientMq(nomServeur, nomReponses)) {
            AtomicLong resultat = new AtomicLong();
            for (boolean urgent : new boolean[] {true, false}) {
                Thread t = fils.demarrer("client", () ->
                        resultat.set(c.calculer(5, urgent)));
                Optional<MessageQueue.Message> m = file.timedReceive(MAX);
                assertThat(m).as("requête reçue par le serveur").isPresent();
                assertThat(m.get().priority()).as("priorité").isEqualTo(
                        urgent ? MessagesMq.URGENTE : MessagesMq.NORMALE);
                MessagesMq.Requete r = MessagesMq.Requete.lire(m.get().text());
                assertThat(r.fileReponse()).isEqualTo(nomReponses);
                try (MessageQueue rep = MessageQueue.open(nomReponses, O_WRONLY)) {
                    rep.send(new MessagesMq.Reponse(r.id(), 25).texte(), 0);
                }
                t.join(MAX.toMillis());
                assertThat(resultat).hasValue(25);
            }
        } finally {
            MessageQueue.unlink(nomServeur);
        }
    }

    @Test
    @Order(3)
    @DisplayName("trois requêtes ordinaires puis une urgente attendent : le"
            + " serveur traite l'urgente d'abord")
    void serverServesUrgentFirst() {
        String nomReponses = IpcNames.unique("tp-reponses");
        serveur = new ServeurMq(nomServeur);
        try (MessageQueue reponses = fileDuTest(nomReponses);
                MessageQueue requetes = MessageQueue.open(nomServeur, O_WRONLY)) {
            for (int id = 1; id <= 4; id++) {
                requetes.send(new MessagesMq.Requete(nomReponses, id, id).texte(),
                        id == 4 ? MessagesMq.URGENTE : MessagesMq.NORMALE);
            }
            requetes.send(MessagesMq.STOP, MessagesMq.NORMALE);
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(MAX,
                    serveur::servir, "servir ne s'arrête pas sur STOP");
            List<Long> ordre = new ArrayList<>();
            Optional<MessageQueue.Message> m;
            while ((m = reponses.timedReceive(Duration.ofMillis(200))).isPresent()) {
                ordre.add(MessagesMq.Reponse.lire(m.get().text()).id());
            }
            assertThat(ordre).as("ordre de traitement (numéros)")
                    .containsExactly(4L, 1L, 2L, 3L);
        } finally {
            MessageQueue.unlink(nomReponses);
        }
    }

    @Test
    @Order(4)
    @DisplayName("deux clients attendent en même temps : chacun reçoit sa"
            + " réponse à lui (4 et 9), jamais celle de l'autre")
    void eachClientGetsItsOwnAnswer() throws InterruptedException {
        serveur = new ServeurMq(nomServeur);
        try (ClientMq a = new ClientMq(nomServeur, IpcNames.unique("tp-a"));
                ClientMq b = new ClientMq(nomServeur, IpcNames.unique("tp-b"));
                MessageQueue espion = MessageQueue.open(nomServeur, O_RDONLY)) {
            AtomicLong ra = new AtomicLong();
            AtomicLong rb = new AtomicLong();
            Thread ta = fils.demarrer("client-a", () -> ra.set(a.calculer(2, false)));
            Thread tb = fils.demarrer("client-b", () -> rb.set(b.calculer(3, false)));
            // Les deux requêtes attendent dans la file avant que le serveur parte.
            await().atMost(MAX).until(() ->
                    espion.getAttributes().currentMessages() == 2);
            boucle = fils.demarrer("serveur", serveur::servir);
            ta.join(MAX.toMillis());
            tb.join(MAX.toMillis());
            assertThat(ra).as("réponse de a").hasValue(4);
            assertThat(rb).as("réponse de b").hasValue(9);
        }
    }

    @Test
    @Order(5)
    @DisplayName("un client dans un autre processus reçoit sa réponse (144)")
    void clientInAnotherProcess() {
        demarrerServeur();
        try (ChildJvm enfant = ChildJvm.start(ClientEnfant.class, nomServeur,
                IpcNames.unique("tp-enfant"), "12")) {
            enfant.awaitLine("prêt", MAX);
            enfant.send("go");
            assertThat(enfant.awaitLine("résultat", MAX)).isEqualTo("résultat 144");
            assertThat(enfant.awaitExit(MAX).exitCode()).isZero();
        }
    }

    @Test
    @Order(6)
    @DisplayName("close supprime les files : après coup, leur nom n'existe plus"
            + " (ENOENT)")
    void closeUnlinksQueues() {
        String nomReponses = IpcNames.unique("tp-client");
        new ClientMq(nomServeurCree(), nomReponses).close();
        serveur.close();
        serveur = null;
        for (String nom : List.of(nomServeur, nomReponses)) {
            assertThatThrownBy(() -> MessageQueue.open(nom, O_RDONLY).close())
                    .as(nom).isInstanceOf(PosixException.class)
                    .hasMessageContaining("ENOENT");
        }
    }

    @Test
    @Order(7)
    @DisplayName("une vieille file porte déjà le nom du serveur : le serveur"
            + " refuse de démarrer (EEXIST, O_EXCL) au lieu de la reprendre")
    void serverRefusesAStaleQueue() {
        // Une file oubliée par un serveur précédent, avec une requête périmée.
        try (MessageQueue vieille = fileDuTest(nomServeur)) {
            vieille.send(new MessagesMq.Requete(IpcNames.unique("tp-parti"), 1, 3)
                    .texte(), MessagesMq.NORMALE);
            assertThatThrownBy(() -> {
                serveur = new ServeurMq(nomServeur);
            }).as("new ServeurMq sur un nom déjà pris : il faut O_CREAT | O_EXCL,"
                    + " sinon le serveur sert les requêtes périmées d'un autre")
                    .isInstanceOf(PosixException.class)
                    .hasMessageContaining("EEXIST");
            assertThat(vieille.getAttributes().currentMessages())
                    .as("messages de la vieille file (intacte)").isEqualTo(1);
        } finally {
            if (serveur != null) { // le serveur fautif a repris la file
                serveur.close();
                serveur = null;
            } else {
                MessageQueue.unlink(nomServeur);
            }
        }
    }

    private String nomServeurCree() {
        serveur = new ServeurMq(nomServeur);
        return nomServeur;
    }
}
