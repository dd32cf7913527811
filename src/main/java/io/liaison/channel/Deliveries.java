package io.liaison.channel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Queues messages for delivery; implemented by {@code channel}. */
public interface Deliveries {

    /**
     * Writes the delivery rows of one message in the caller's transaction (there must be one), so
     * that the message is queued exactly when the change that decided it commits. A message longer
     * than its channel allows becomes several rows (split on character boundaries) or one row
     * {@code failed} with the reason; a disabled or unknown channel, or e-mail without SMTP
     * settings, gives a row {@code skipped} with the reason. Nothing is refused silently.
     *
     * @param notBefore the earliest time to send (quiet hours, a schedule); {@code null} for now
     * @return the ids of the rows written, in sending order
     */
    List<UUID> queue(
            UUID orgId,
            Destination destination,
            OutboundMessage message,
            DeliveryOrigin origin,
            @Nullable Instant notBefore);
}
