package io.liaison.channel.delivery;

import io.liaison.channel.ChannelKind;
import io.liaison.channel.DeliveryOrigin;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A due delivery a worker claimed; {@code attempts} counts this one. */
record Claimed(
        UUID orgId,
        UUID id,
        @Nullable UUID channelId,
        @Nullable String emailAddress,
        ChannelKind kind,
        DeliveryOrigin origin,
        String message,
        int attempts,
        Instant createdAt) {

    /** The target a rate limit counts sends to. */
    String targetKey() {
        return orgId + (channelId != null ? "/channel/" + channelId : "/email/" + emailAddress);
    }
}
