package fr.progsys.bench.ipc;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Un sens de communication entre les deux processus, quel que soit le transport. */
interface Canal extends AutoCloseable {

    /** Envoie les octets de {@code message} (position à limite) en un message. */
    void envoyer(ByteBuffer message) throws IOException;

    /** Reçoit un message de exactement {@code message.remaining()} octets. */
    void recevoir(ByteBuffer message) throws IOException;

    @Override
    void close() throws IOException;
}
