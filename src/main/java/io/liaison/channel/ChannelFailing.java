package io.liaison.channel;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A channel's deliveries started failing: {@code failures} attempts in a row did not get through,
 * the last for {@code reason} (a stored message, see {@code StoredMessages}). Published once per
 * failing spell, in the transaction that records the failure; a sent delivery ends the spell.
 *
 * @param ownerId the member whose personal robot it is; {@code null} for an organization's channel
 * @param ownerModule the module whose hidden channel it is (see {@link WebhookChannels}), which tells
 *     of it itself; {@code null} otherwise
 */
public record ChannelFailing(
        UUID orgId,
        UUID channelId,
        String channelName,
        @Nullable UUID ownerId,
        int failures,
        @Nullable String reason,
        @Nullable String ownerModule) {

    /** A failing channel of the organization or of a member. */
    public ChannelFailing(
            UUID orgId,
            UUID channelId,
            String channelName,
            @Nullable UUID ownerId,
            int failures,
            @Nullable String reason) {
        this(orgId, channelId, channelName, ownerId, failures, reason, null);
    }
}
