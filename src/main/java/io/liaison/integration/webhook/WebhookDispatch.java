package io.liaison.integration.webhook;

import io.liaison.channel.Deliveries;
import io.liaison.channel.DeliveryOptions;
import io.liaison.channel.DeliveryOrigin;
import io.liaison.channel.Destination;
import io.liaison.channel.OutboundMessage;
import io.liaison.integration.change.Change;
import io.liaison.integration.change.ChangeFeed;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the change feed to the webhook endpoints. A round takes each organization with endpoints
 * that are on and, for each endpoint, at most {@code liaison.integration.webhooks.batch} changes after
 * its cursor: in one transaction it locks the endpoint ({@code SKIP LOCKED}, so no two rounds send
 * one endpoint), queues one delivery per change the endpoint subscribes to and moves the cursor past
 * the batch. A node dying before the commit leaves the cursor where it was and nothing queued; after
 * it, the deliveries are in the queue and the delivery workers send them. Each organization gets one
 * batch per endpoint per round, so a busy one cannot hold the others back.
 *
 * <p>Why read the feed rather than queue from each contact event's listener: listeners run after
 * their transactions commit, on whichever thread and node the outbox hands them to, so a
 * {@code contact.updated} can be queued before the {@code contact.created} of the same contact, and
 * the order key would then hold them in the wrong order. The feed orders changes by commit and never
 * shows a change behind a cursor already read, so the order in which the deliveries are queued (and,
 * per contact, sent) is the order in which the changes happened.
 */
@Component
class WebhookDispatch {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatch.class);

    private final WebhookRepository endpoints;
    private final ChangeFeed feed;
    private final WebhookPayloads payloads;
    private final Deliveries deliveries;
    private final WebhookHealth health;
    private final WebhookSettings settings;
    private final TransactionTemplate transaction;
    /** When this node last looked at each endpoint's health: only how often it looks, never what it sends. */
    private final Map<UUID, Instant> checked = new ConcurrentHashMap<>();

    WebhookDispatch(
            WebhookRepository endpoints,
            ChangeFeed feed,
            WebhookPayloads payloads,
            Deliveries deliveries,
            WebhookHealth health,
            WebhookSettings settings,
            TransactionTemplate transaction) {
        this.endpoints = endpoints;
        this.feed = feed;
        this.payloads = payloads;
        this.deliveries = deliveries;
        this.health = health;
        this.settings = settings;
        this.transaction = transaction;
    }

    /** One round over every organization; how many changes it read. */
    int round() {
        int read = 0;
        for (UUID orgId : endpoints.organizationsWithEnabled()) {
            for (UUID endpointId : endpoints.enabled(orgId)) {
                try {
                    Integer batch = transaction.execute(status -> dispatch(orgId, endpointId));
                    read += batch == null ? 0 : batch;
                } catch (RuntimeException e) {
                    // One endpoint's failure (an unreadable cursor, a database error) must not stop the others.
                    log.warn("Webhook endpoint {} of organization {} was not dispatched", endpointId, orgId, e);
                }
            }
        }
        return read;
    }

    /** Queues one batch of the endpoint's changes and moves its cursor, in the caller's transaction. */
    int dispatch(UUID orgId, UUID endpointId) {
        WebhookEndpoint endpoint = endpoints.lockEnabled(orgId, endpointId).orElse(null);
        if (endpoint == null || (healthDue(endpointId) && health.disableIfFailing(orgId, endpoint))) {
            return 0;
        }
        List<Change> changes = feed.after(orgId, endpoint.cursor(), settings.batch());
        if (changes.isEmpty()) {
            return 0;
        }
        List<Change> wanted =
                changes.stream().filter(c -> endpoint.subscribes(c.type())).toList();
        List<String> bodies = payloads.render(orgId, endpoint, wanted);
        DeliveryOrigin origin = new DeliveryOrigin(WebhookService.MODULE, endpointId, false);
        for (int i = 0; i < wanted.size(); i++) {
            Change change = wanted.get(i);
            OutboundMessage message =
                    new OutboundMessage(change.type(), change.type(), null, null, null, bodies.get(i));
            DeliveryOptions options = new DeliveryOptions(
                    WebhookPayloads.orderKey(endpointId, change),
                    settings.retryFor(),
                    WebhookPayloads.messageId(endpointId, change));
            deliveries.queue(orgId, Destination.channel(endpoint.channelId()), message, origin, null, options);
        }
        endpoints.advance(orgId, endpointId, changes.get(changes.size() - 1).cursor());
        return changes.size();
    }

    private boolean healthDue(UUID endpointId) {
        Instant now = Instant.now();
        Instant last = checked.get(endpointId);
        if (last != null && last.plus(settings.healthEvery()).isAfter(now)) {
            return false;
        }
        checked.put(endpointId, now);
        return true;
    }
}
