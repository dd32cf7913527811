package io.liaison.integration.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbound webhooks ({@code liaison.integration.webhooks.*}).
 *
 * @param maxEndpoints how many endpoints one organization may have
 * @param poll how long the dispatch waits between rounds
 * @param batch how many changes one round reads for one endpoint, so that a busy organization takes
 *     its turn like the others
 * @param retryFor how long a delivery is retried with backoff
 * @param rotationOverlap how long the old secret keeps signing beside the new one after a rotation
 * @param disableAfter how long an endpoint may go without a successful delivery while failing before
 *     it is turned off
 * @param disableFailures how many failed attempts in a row that takes as well
 * @param healthEvery how often the dispatch looks at an endpoint's health
 */
@ConfigurationProperties("liaison.integration.webhooks")
public record WebhookSettings(
        @DefaultValue("20") int maxEndpoints,
        @DefaultValue("1s") Duration poll,
        @DefaultValue("100") int batch,
        @DefaultValue("3d") Duration retryFor,
        @DefaultValue("24h") Duration rotationOverlap,
        @DefaultValue("3d") Duration disableAfter,
        @DefaultValue("10") int disableFailures,
        @DefaultValue("1m") Duration healthEvery) {

    public WebhookSettings {
        if (maxEndpoints < 1 || batch < 1 || batch > 1_000 || disableFailures < 1) {
            throw new IllegalArgumentException(
                    "liaison.integration.webhooks.max-endpoints, batch (at most 1000) and disable-failures must be positive");
        }
    }
}
