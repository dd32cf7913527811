package io.liaison.channel.delivery;

import io.liaison.channel.ChannelKind;
import io.liaison.channel.DeliveryOptions;
import io.liaison.channel.DeliveryOrigin;
import io.liaison.channel.Destination;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A delivery row to write: queued ({@code reason} null) or already ended {@code skipped} or {@code
 * failed} with its stored reason; {@code redeliveryOf} the row it sends again.
 */
record NewDelivery(
        UUID id,
        Destination destination,
        @Nullable ChannelKind kind,
        DeliveryOrigin origin,
        int part,
        int parts,
        String message,
        String state,
        Instant nextAttemptAt,
        @Nullable String reason,
        DeliveryOptions options,
        @Nullable UUID redeliveryOf) {}
