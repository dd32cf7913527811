package io.liaison.channel;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A delivery reached its end: {@code sent}, {@code failed} or {@code skipped}, with the reason when
 * it was not sent. Published in the transaction that records the end, so that the module that asked
 * for it (see {@link DeliveryOrigin}) can follow it through the event publication registry.
 */
public record DeliveryEnded(
        UUID orgId,
        UUID deliveryId,
        DeliveryOrigin origin,
        String state,
        @Nullable String reason) {}
