package io.liaison.shared.bus;

import java.util.function.Consumer;

/**
 * Signals to every node of the cluster, this one included. A signal sent inside a transaction goes
 * out when it commits and never when it rolls back; one sent outside goes at once. A receiver must
 * bear a late, repeated or lost signal: it carries ids, and the receiver reads the truth from the
 * database (a node that lost its connection for a moment misses what was sent meanwhile).
 */
public interface Signals {

    /** The longest payload, in characters; PostgreSQL refuses a NOTIFY payload of 8,000 bytes. */
    int MAX_PAYLOAD = 1_000;

    /**
     * Sends {@code payload} on {@code topic} (lower-case letters, digits and underscores, at most 63
     * characters).
     *
     * @throws IllegalArgumentException for a bad topic or a payload over {@link #MAX_PAYLOAD}
     */
    void send(String topic, String payload);

    /**
     * Calls {@code receiver} on this node for every signal on {@code topic} from any node, off the
     * thread that listens and in no promised order; a receiver that throws is logged and the others
     * still run. Receivers register when their bean is made: signals sent before a node listens on a
     * topic do not reach it.
     */
    void listen(String topic, Consumer<String> receiver);
}
