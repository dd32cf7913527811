package io.liaison.channel.delivery;

import io.liaison.channel.ChannelKind;
import io.liaison.channel.DeliveryOrigin;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A due delivery a worker claimed; {@code attempts} counts this one. {@code retryFor} replaces the
 * setting when not null; {@code messageId} is the webhook-id.
 */
record Claimed(
        UUID orgId,
        UUID id,
        @Nullable UUID channelId,
        @Nullable String emailAddress,
        ChannelKind kind,
        DeliveryOrigin origin,
        String message,
        int attempts,
        Instant createdAt,
        @Nullable String orderKey,
        @Nullable Duration retryFor,
        String messageId) {

    /** The same row with its attempt about to be made counted. */
    Claimed attempted() {
        return new Claimed(
                orgId,
                id,
                channelId,
                emailAddress,
                kind,
                origin,
                message,
                attempts + 1,
                createdAt,
                orderKey,
                retryFor,
                messageId);
    }

    /** The target a rate limit counts sends to. */
    String targetKey() {
        return orgId + (channelId != null ? "/channel/" + channelId : "/email/" + emailAddress);
    }
}
