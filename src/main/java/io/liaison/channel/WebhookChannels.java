package io.liaison.channel;

import java.time.Instant;
import java.util.UUID;

/**
 * Webhook channels a module owns (the integration module's outbound webhooks): they are hidden from
 * the channel pages and API, from push and notification choices, and from the channel delivery log;
 * the module shows them itself. Implemented by {@code channel}. Invalid input is refused with the
 * field named ({@code name}, {@code url}, {@code secret}); the id of a channel no module owns, of a
 * deleted or an unknown one is not found.
 */
public interface WebhookChannels {

    /** A channel of kind webhook owned by a module (hidden from channel pages and push choices). */
    UUID create(UUID orgId, String module, String name, String url, String secret);

    void update(UUID orgId, UUID channelId, String name, String url, boolean enabled);

    /**
     * Signs with {@code newSecret} from now on and also with the old one until {@code previousUntil}
     * (both in {@code webhook-signature}, space separated).
     */
    void rotate(UUID orgId, UUID channelId, String newSecret, Instant previousUntil);

    /** Deletes the channel: its queued deliveries end skipped, its log stays. */
    void delete(UUID orgId, UUID channelId);

    /** Attempts in a row that failed, since when, the last success. */
    ChannelHealth health(UUID orgId, UUID channelId);
}
