package fr.progsys.posix;

import static fr.progsys.posix.OpenFlags.O_CREAT;
import static fr.progsys.posix.OpenFlags.O_EXCL;
import static fr.progsys.posix.OpenFlags.O_NONBLOCK;
import static fr.progsys.posix.OpenFlags.O_RDONLY;
import static fr.progsys.posix.OpenFlags.O_RDWR;
import static fr.progsys.posix.OpenFlags.O_WRONLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.progsys.posix.MessageQueue.Attributes;
import fr.progsys.posix.MessageQueue.Message;
import fr.progsys.testkit.IpcHygiene;
import fr.progsys.testkit.IpcNames;

@DisplayName("I03, I04, I05, I06, I07, I08 : MessageQueue, les files de messages POSIX (mqueue.h)")
@ExtendWith(IpcHygiene.class)
class MessageQueueTest {

    private String name;

    @BeforeAll
    static void linuxOnly() {
        PosixAssumptions.linux("les files de messages POSIX");
    }

    @BeforeEach
    void freshName() {
        name = IpcNames.unique("mq");
    }

    @AfterEach
    void unlink() {
        MessageQueue.unlinkIfExists(name);
    }

    private MessageQueue create(int maxmsg, int msgsize) {
        return MessageQueue.open(name, O_CREAT | O_EXCL | O_RDWR, 0600,
                Attributes.of(maxmsg, msgsize));
    }

    @Test
    @DisplayName("I03, I05 : mq_getattr rend les attributs donnés à la création, et compte les messages")
    void getattrReadsBackTheAttributes() {
        try (MessageQueue q = create(4, 128)) {
            assertThat(q.getAttributes())
                    .isEqualTo(new Attributes(0, 4, 128, 0));
            q.send("un", 0);
            q.send("deux", 0);
            assertThat(q.getAttributes().currentMessages()).isEqualTo(2);
            assertThat(q.descriptor()).isNotNegative();
        }
    }

    @Test
    @DisplayName("I04 : O_CREAT|O_EXCL sur une file existante échoue avec EEXIST")
    void exclusiveCreateOfExistingQueueFailsWithEexist() {
        try (MessageQueue q = create(2, 16)) {
            assertThatThrownBy(() -> create(2, 16))
                    .isInstanceOfSatisfying(PosixException.class, e -> {
                        assertThat(e.errnoName()).isEqualTo("EEXIST");
                        assertThat(e.call()).startsWith("mq_open(\"" + name + "\", "
                                + "O_CREAT|O_EXCL|O_RDWR, 0600");
                        assertThat(e.getMessage()).contains("File exists");
                    });
            // sans O_EXCL, O_CREAT ouvre la file existante
            try (MessageQueue same = MessageQueue.open(name, O_CREAT | O_RDWR, 0600, null)) {
                q.send("vu", 0);
                assertThat(same.receive().text()).isEqualTo("vu");
            }
        }
    }

    @Test
    @DisplayName("I04 : ouvrir sans O_CREAT une file inexistante échoue avec ENOENT")
    void openingAMissingQueueFailsWithEnoent() {
        assertThatThrownBy(() -> MessageQueue.open(name, O_RDONLY))
                .isInstanceOfSatisfying(PosixException.class,
                        e -> assertThat(e.errnoName()).isEqualTo("ENOENT"));
    }

    @Test
    @DisplayName("I06, I07 : mq_receive rend le plus ancien message de plus haute priorité")
    void receiveTakesTheOldestOfTheHighestPriority() {
        try (MessageQueue q = create(8, 32)) {
            q.send("a0", 0);
            q.send("b5", 5);
            q.send("c1", 1);
            q.send("d5", 5);
            q.send("e0", 0);
            List<String> order = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Message m = q.receive();
                order.add(m.text() + "/" + m.priority());
            }
            assertThat(order).containsExactly("b5/5", "d5/5", "c1/1", "a0/0", "e0/0");
        }
    }

    @Test
    @DisplayName("I06 (précision) : les priorités vont de 0 à MQ_PRIO_MAX − 1 : au-delà, EINVAL")
    void priorityAtMqPrioMaxIsRejected() {
        int max = MessageQueue.priorityMax();
        assertThat(max).isGreaterThanOrEqualTo(32); // POSIX : au moins 32
        try (MessageQueue q = create(2, 16)) {
            q.send("max", max - 1);
            assertThat(q.receive().priority()).isEqualTo(max - 1);
            assertThatThrownBy(() -> q.send("trop", max))
                    .isInstanceOfSatisfying(PosixException.class,
                            e -> assertThat(e.errnoName()).isEqualTo("EINVAL"));
            assertThatThrownBy(() -> q.send("négatif", -1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @DisplayName("I04, I06 : file pleine et O_NONBLOCK : mq_send échoue avec EAGAIN")
    void sendOnAFullNonBlockingQueueFailsWithEagain() {
        try (MessageQueue q = MessageQueue.open(name, O_CREAT | O_RDWR | O_NONBLOCK, 0600,
                Attributes.of(2, 16))) {
            q.send("1", 0);
            q.send("2", 0);
            assertThatThrownBy(() -> q.send("3", 0))
                    .isInstanceOfSatisfying(PosixException.class,
                            e -> assertThat(e.errnoName()).isEqualTo("EAGAIN"));
        }
    }

    @Test
    @DisplayName("I04, I07 : file vide et O_NONBLOCK : mq_receive échoue avec EAGAIN")
    void receiveOnAnEmptyNonBlockingQueueFailsWithEagain() {
        try (MessageQueue q = MessageQueue.open(name, O_CREAT | O_RDWR | O_NONBLOCK, 0600,
                Attributes.of(2, 16))) {
            assertThatThrownBy(q::receive)
                    .isInstanceOfSatisfying(PosixException.class,
                            e -> assertThat(e.errnoName()).isEqualTo("EAGAIN"));
        }
    }

    @Test
    @DisplayName("I06 : un message plus grand que mq_msgsize est refusé par mq_send (EMSGSIZE)")
    void sendingMoreThanMsgsizeFailsWithEmsgsize() {
        try (MessageQueue q = create(2, 16)) {
            assertThatThrownBy(() -> q.send(new byte[17], 0))
                    .isInstanceOfSatisfying(PosixException.class,
                            e -> assertThat(e.errnoName()).isEqualTo("EMSGSIZE"));
            q.send(new byte[16], 0); // exactement mq_msgsize : accepté
            assertThat(q.receive().data()).hasSize(16);
        }
    }

    @Test
    @DisplayName("I07 (précision) : mq_receive exige un tampon d'au moins mq_msgsize, même pour un message court")
    void receiveNeedsABufferOfAtLeastMsgsize() {
        try (MessageQueue q = create(2, 64)) {
            q.send("ok", 0); // 2 octets
            assertThatThrownBy(() -> q.receive(63))
                    .isInstanceOfSatisfying(PosixException.class,
                            e -> assertThat(e.errnoName()).isEqualTo("EMSGSIZE"));
            // le message n'a pas été consommé par l'échec
            assertThat(q.receive(64).text()).isEqualTo("ok");
        }
    }

    @Test
    @DisplayName("I07 (précision) : mq_receive dans le tampon de l'appelant rend la longueur et la priorité, et ne touche pas aux octets suivants")
    void receiveIntoACallerBufferReturnsTheLengthAndPriority() {
        try (MessageQueue q = create(2, 32)) {
            byte[] whole = "..bonjour..".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            q.send(whole, 2, 7, 5); // les 7 octets de « bonjour »
            q.send(new byte[] {1, 2, 3}, 0);
            byte[] buffer = new byte[32];
            java.util.Arrays.fill(buffer, (byte) 'x');
            int[] priority = new int[1];
            assertThat(q.receive(buffer, priority)).isEqualTo(7);
            assertThat(priority[0]).isEqualTo(5);
            assertThat(new String(buffer, 0, 9, java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("bonjourxx");
            assertThat(q.receive(buffer, null)).isEqualTo(3); // null comme le NULL du C
            assertThat(buffer).startsWith(1, 2, 3, 'j');
            assertThatThrownBy(() -> q.send(whole, 8, 7, 0))
                    .isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    @DisplayName("I07 (précision) : un tampon de l'appelant plus court que mq_msgsize donne EMSGSIZE, et le message reste")
    void aCallerBufferShorterThanMsgsizeFailsWithEmsgsize() {
        try (MessageQueue q = create(2, 64)) {
            q.send("ok", 1);
            assertThatThrownBy(() -> q.receive(new byte[63], new int[1]))
                    .isInstanceOfSatisfying(PosixException.class,
                            e -> assertThat(e.errnoName()).isEqualTo("EMSGSIZE"));
            byte[] buffer = new byte[64];
            assertThat(q.receive(buffer, null)).isEqualTo(2);
            assertThat(new String(buffer, 0, 2, java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("ok");
        }
    }

    @Test
    @DisplayName("I05 : mq_setattr ne change que O_NONBLOCK : mq_maxmsg et mq_msgsize restent")
    void setattrOnlyChangesNonBlock() {
        try (MessageQueue q = create(3, 32)) {
            Attributes old = q.setAttributes(new Attributes(O_NONBLOCK, 9, 999, 5));
            assertThat(old).isEqualTo(new Attributes(0, 3, 32, 0));
            assertThat(q.getAttributes()).isEqualTo(new Attributes(O_NONBLOCK, 3, 32, 0));
            assertThatThrownBy(q::receive).isInstanceOfSatisfying(PosixException.class,
                    e -> assertThat(e.errnoName()).isEqualTo("EAGAIN"));
            q.setNonBlocking(false);
            assertThat(q.getAttributes().nonBlocking()).isFalse();
        }
    }

    @Test
    @DisplayName("I08 : après mq_unlink le nom disparaît (ENOENT) mais le descripteur ouvert marche encore")
    void afterUnlinkTheNameIsGoneButTheDescriptorWorks() {
        try (MessageQueue q = create(2, 16)) {
            MessageQueue.unlink(name);
            assertThatThrownBy(() -> MessageQueue.open(name, O_RDWR))
                    .isInstanceOfSatisfying(PosixException.class,
                            e -> assertThat(e.errnoName()).isEqualTo("ENOENT"));
            q.send("toujours là", 3);
            assertThat(q.receive()).isEqualTo(new Message(
                    "toujours là".getBytes(java.nio.charset.StandardCharsets.UTF_8), 3));
        }
    }

    @Test
    @DisplayName("I06, I07 : mq_timedreceive et mq_timedsend rendent la main au bout du délai (ETIMEDOUT)")
    void timedVariantsGiveUpAfterTheTimeout() {
        try (MessageQueue q = create(1, 16)) {
            assertThat(q.timedReceive(Duration.ofMillis(50))).isEmpty();
            assertThat(q.timedSend("1", 0, Duration.ofMillis(50))).isTrue();
            assertThat(q.timedSend("2", 0, Duration.ofMillis(50))).isFalse();
            assertThat(q.timedReceive(Duration.ofMillis(50))).map(Message::text).hasValue("1");
        }
    }

    @Test
    @DisplayName("I07 : mq_receive bloque tant que la file est vide, et repart dès qu'un message arrive")
    void receiveBlocksUntilAMessageArrives() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (MessageQueue q = create(2, 16)) {
            CompletableFuture<String> got = CompletableFuture.supplyAsync(
                    () -> q.receive().text(), pool);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                    .until(() -> !got.isDone());
            q.send("réveil", 0);
            assertThat(got.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("réveil");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("I06 : file pleine : mq_send bloque jusqu'à ce qu'un mq_receive libère une place")
    void sendBlocksOnAFullQueueUntilAReceive() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (MessageQueue q = create(1, 16)) {
            q.send("premier", 0);
            CompletableFuture<Void> second = CompletableFuture.runAsync(
                    () -> q.send("second", 0), pool);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                    .until(() -> !second.isDone());
            assertThat(q.receive().text()).isEqualTo("premier");
            second.get(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(q.receive().text()).isEqualTo("second");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("I06 : un thread bloqué dans mq_send (file pleine) ne réagit pas à Thread.interrupt() ; seul un mq_receive le libère")
    void blockedSendIgnoresInterrupt() throws Exception {
        try (MessageQueue q = create(1, 16)) {
            q.send("premier", 0);
            java.util.concurrent.atomic.AtomicBoolean flagAfter =
                    new java.util.concurrent.atomic.AtomicBoolean();
            Thread sender = new Thread(() -> {
                q.send("second", 0);
                flagAfter.set(Thread.currentThread().isInterrupted());
            }, "envoie-mq");
            sender.start();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> sender.getState() == Thread.State.RUNNABLE);
            sender.interrupt();
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                    .until(sender::isAlive);
            assertThat(q.receive().text()).isEqualTo("premier");
            sender.join(5000);
            assertThat(sender.isAlive()).isFalse();
            assertThat(flagAfter).isTrue(); // drapeau posé, mq_send l'a ignoré
            assertThat(q.receive().text()).isEqualTo("second");
        }
    }

    @Test
    @DisplayName("I08 : unlinkIfExists rend vrai s'il a retiré le nom, faux s'il n'existait pas")
    void unlinkIfExistsToleratesAMissingName() {
        create(1, 16).close();
        assertThat(MessageQueue.unlinkIfExists(name)).isTrue();
        assertThat(MessageQueue.unlinkIfExists(name)).isFalse();
        assertThatThrownBy(() -> MessageQueue.unlink(name))
                .isInstanceOfSatisfying(PosixException.class,
                        e -> assertThat(e.errnoName()).isEqualTo("ENOENT"));
    }

    @Test
    @DisplayName("I04 : une file ouverte en O_RDONLY refuse mq_send (EBADF)")
    void readOnlyQueueRefusesSend() {
        try (MessageQueue q = create(2, 16);
                MessageQueue reader = MessageQueue.open(name, O_RDONLY)) {
            assertThatThrownBy(() -> reader.send("non", 0))
                    .isInstanceOfSatisfying(PosixException.class,
                            e -> assertThat(e.errnoName()).isEqualTo("EBADF"));
            try (MessageQueue writer = MessageQueue.open(name, O_WRONLY)) {
                writer.send("oui", 0);
            }
            assertThat(reader.receive().text()).isEqualTo("oui");
            assertThat(q.getAttributes().currentMessages()).isZero();
        }
    }

    @Test
    @DisplayName("I08 : après mq_close : IllegalStateException ; fermer deux fois ne fait rien")
    void useAfterCloseIsRefusedAndCloseTwiceIsHarmless() {
        MessageQueue q = create(2, 16);
        q.close();
        q.close();
        assertThat(q.isOpen()).isFalse();
        assertThatThrownBy(() -> q.send("x", 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(q::receive).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(q::getAttributes).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("I02 : les mauvais noms : sans « / » EINVAL, second « / » EACCES, trop long ENAMETOOLONG")
    void badNamesAreRejectedWithAClearError() {
        Attributes a = Attributes.of(2, 16);
        assertThatThrownBy(() -> MessageQueue.open("sans-barre", O_CREAT | O_RDWR, 0600, a))
                .isInstanceOfSatisfying(PosixException.class,
                        e -> assertThat(e.errnoName()).isEqualTo("EINVAL"));
        assertThatThrownBy(() -> MessageQueue.open(name + "/b", O_CREAT | O_RDWR, 0600, a))
                .isInstanceOfSatisfying(PosixException.class,
                        e -> assertThat(e.errnoName()).isEqualTo("EACCES"));
        assertThatThrownBy(() -> MessageQueue.open(name + "x".repeat(300), O_CREAT | O_RDWR,
                0600, a)).isInstanceOfSatisfying(PosixException.class,
                        e -> assertThat(e.errnoName()).isEqualTo("ENAMETOOLONG"));
        assertThatThrownBy(() -> MessageQueue.open(name + "\0x", O_RDWR))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageQueue.open(null, O_RDWR))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName("I03 : des attributs ≤ 0 ou au-delà des limites du système sont refusés avant l'appel")
    void attributesOutsideTheLimitsAreRejected() {
        MessageQueue.Limits limits = MessageQueue.limits();
        for (Attributes bad : List.of(Attributes.of(0, 16), Attributes.of(2, -1),
                Attributes.of(limits.msgMax() + 1, 16),
                Attributes.of(2, limits.msgsizeMax() + 1))) {
            assertThatThrownBy(() -> MessageQueue.open(name, O_CREAT | O_RDWR, 0600, bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("/proc/sys/fs/mqueue/");
        }
        assertThatThrownBy(() -> MessageQueue.open(name, O_CREAT | O_RDWR))
                .isInstanceOf(IllegalArgumentException.class);
        try (MessageQueue q = create(2, 16)) {
            assertThatThrownBy(() -> q.receive(0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @DisplayName("I03 : les limites lues sont celles de /proc/sys/fs/mqueue, et s'appliquent sans attributs")
    void limitsComeFromProc() throws Exception {
        MessageQueue.Limits limits = MessageQueue.limits();
        assertThat(limits.msgMax()).isEqualTo(Long.parseLong(
                Files.readAllLines(Path.of("/proc/sys/fs/mqueue/msg_max")).get(0)));
        assertThat(limits.msgsizeMax()).isEqualTo(Long.parseLong(
                Files.readAllLines(Path.of("/proc/sys/fs/mqueue/msgsize_max")).get(0)));
        try (MessageQueue q = MessageQueue.open(name, O_CREAT | O_RDWR, 0600, null)) {
            Attributes a = q.getAttributes();
            assertThat(a.maxMessages()).isEqualTo(limits.msgDefault());
            assertThat(a.messageSize()).isEqualTo(limits.msgsizeDefault());
        }
    }
}
