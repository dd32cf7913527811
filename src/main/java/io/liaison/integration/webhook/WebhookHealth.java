package io.liaison.integration.webhook;

import io.liaison.channel.ChannelHealth;
import io.liaison.channel.WebhookChannels;
import io.liaison.integration.WebhookDisabled;
import io.liaison.shared.Message;
import io.liaison.shared.StoredMessages;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Turns off an endpoint that keeps failing: no delivery got through for {@code
 * liaison.integration.webhooks.disable-after} (the retry window, so its oldest deliveries have given
 * up) and at least {@code disable-failures} attempts in a row failed. The endpoint and its channel go
 * off with the reason stored, and {@link WebhookDisabled} tells the organization's administrators.
 */
@Component
class WebhookHealth {

    private final WebhookRepository endpoints;
    private final WebhookChannels channels;
    private final WebhookSettings settings;
    private final StoredMessages stored;
    private final ApplicationEventPublisher events;

    WebhookHealth(
            WebhookRepository endpoints,
            WebhookChannels channels,
            WebhookSettings settings,
            StoredMessages stored,
            ApplicationEventPublisher events) {
        this.endpoints = endpoints;
        this.channels = channels;
        this.settings = settings;
        this.stored = stored;
        this.events = events;
    }

    /** Whether the endpoint was failing and is now off; in the caller's transaction. */
    boolean disableIfFailing(UUID orgId, WebhookEndpoint endpoint) {
        ChannelHealth health = channels.health(orgId, endpoint.channelId());
        Instant cutoff = Instant.now().minus(settings.disableAfter());
        boolean failingLongEnough = health.failingSince() != null
                && !health.failingSince().isAfter(cutoff)
                && health.failuresInARow() >= settings.disableFailures()
                && (health.lastSuccessAt() == null || health.lastSuccessAt().isBefore(cutoff));
        if (!failingLongEnough) {
            return false;
        }
        long days = Duration.between(health.failingSince(), Instant.now()).toDays();
        String reason = stored.store(Message.of("webhooks.disabledReason", health.failuresInARow(), days));
        if (!endpoints.disable(orgId, endpoint.id(), reason)) {
            return false;
        }
        channels.update(orgId, endpoint.channelId(), WebhookRules.channelName(endpoint.url()), endpoint.url(), false);
        events.publishEvent(new WebhookDisabled(orgId, endpoint.id(), endpoint.url(), health.failuresInARow(), days));
        return true;
    }
}
