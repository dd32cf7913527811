package io.liaison.channel;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A configured channel as other modules see it: never its target URL or secret. */
public record ChannelSummary(
        UUID id,
        String name,
        ChannelKind kind,
        boolean enabled,
        @Nullable UUID ownerId) {}
