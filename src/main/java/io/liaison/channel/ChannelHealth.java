package io.liaison.channel;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How a channel's deliveries go.
 *
 * @param failuresInARow attempts that failed since the last success
 * @param failingSince the first of those failures; {@code null} when there is none
 * @param lastSuccessAt when a delivery last got through; {@code null} when none has
 */
public record ChannelHealth(
        int failuresInARow,
        @Nullable Instant failingSince,
        @Nullable Instant lastSuccessAt) {}
