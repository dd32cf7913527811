package io.liaison.integration.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One of an organization's webhook endpoints.
 *
 * @param channelId the hidden channel of kind webhook that holds the URL and the encrypted secret
 * @param cursor the change feed position dispatched so far
 * @param disabledReason the stored message of why the system turned it off; {@code null} when it is on
 *     or a member turned it off
 */
public record WebhookEndpoint(
        UUID id,
        UUID channelId,
        String url,
        String description,
        List<String> eventTypes,
        boolean fullDetails,
        boolean enabled,
        @Nullable String cursor,
        @Nullable String disabledReason,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public WebhookEndpoint {
        eventTypes = List.copyOf(eventTypes);
    }

    public boolean subscribes(String type) {
        return eventTypes.contains(type);
    }
}
