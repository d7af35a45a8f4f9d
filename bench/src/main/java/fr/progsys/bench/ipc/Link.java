package fr.progsys.bench.ipc;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Un sens de communication entre les deux processus, quel que soit le transport. */
interface Link extends AutoCloseable {

    /** Envoie les octets de {@code message} (position à limite) en un message. */
    void send(ByteBuffer message) throws IOException;

    /** Reçoit un message de exactement {@code message.remaining()} octets. */
    void receive(ByteBuffer message) throws IOException;

    @Override
    void close() throws IOException;
}
