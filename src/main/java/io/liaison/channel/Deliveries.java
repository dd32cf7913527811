package io.liaison.channel;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
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

    /**
     * As {@link #queue(UUID, Destination, OutboundMessage, DeliveryOrigin, Instant)}, with an order
     * key, a retry window and a message id (see {@link DeliveryOptions}).
     */
    List<UUID> queue(
            UUID orgId,
            Destination destination,
            OutboundMessage message,
            DeliveryOrigin origin,
            @Nullable Instant notBefore,
            DeliveryOptions options);

    /**
     * A channel's deliveries, newest first: at most {@code limit} (1 to {@value #MAX_RECORDS}) after
     * {@code cursor} (a record's; {@code null} for the newest). A bad cursor is refused as invalid.
     */
    List<DeliveryRecord> ofChannel(UUID orgId, UUID channelId, @Nullable String cursor, int limit);

    /** A delivery to a channel of the organization. */
    Optional<DeliveryRecord> find(UUID orgId, UUID deliveryId);

    /**
     * Queues a delivery again as a new row in the caller's transaction (there must be one): the same
     * channel, origin, message and message id, no order key, {@code redeliveryOf} naming it. An
     * unknown id is not found.
     *
     * @return the new row's id
     */
    UUID redeliver(UUID orgId, UUID deliveryId);

    int MAX_RECORDS = 100;

    /**
     * Withdraws the deliveries of {@code module}'s {@code originIds} (at most 1,000) that are still
     * waiting in the queue, in the caller's transaction: they end {@code skipped} as withdrawn and are
     * never sent; those already being sent or ended stay as they are. No {@link DeliveryEnded} is
     * published for them: the module that withdraws them records their end itself.
     *
     * @return the origin ids of which a delivery was withdrawn
     */
    List<UUID> withdraw(UUID orgId, String module, Collection<UUID> originIds);
}
