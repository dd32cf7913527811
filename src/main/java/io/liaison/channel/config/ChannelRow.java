package io.liaison.channel.config;

import io.liaison.channel.ChannelKind;
import io.liaison.channel.ChannelSummary;
import io.liaison.channel.send.Redaction;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A channel as stored, its secrets still encrypted; {@link #toString()} leaves them out. {@code
 * ownerModule} names the module that owns a hidden channel; {@code previousSecret} signs too until
 * {@code previousUntil} while a webhook's secret is rotated.
 */
public record ChannelRow(
        UUID id,
        @Nullable UUID ownerId,
        String name,
        ChannelKind kind,
        String address,
        @Nullable String secret,
        boolean enabled,
        int failures,
        @Nullable Instant failingSince,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant deletedAt,
        long version,
        @Nullable String ownerModule,
        @Nullable String previousSecret,
        @Nullable Instant previousUntil) {

    public ChannelSummary summary() {
        return new ChannelSummary(id, name, kind, enabled, ownerId);
    }

    public boolean hasSecret() {
        return secret != null;
    }

    /** The address as pages and the API show it: an e-mail address whole, a URL without its query (keys). */
    public String shownAddress() {
        return kind == ChannelKind.EMAIL ? address : Redaction.url(address);
    }

    @Override
    public String toString() {
        return "Channel[" + id + ", " + kind + "]";
    }
}
