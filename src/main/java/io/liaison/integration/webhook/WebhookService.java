package io.liaison.integration.webhook;

import io.liaison.access.ContactPermissions;
import io.liaison.channel.Deliveries;
import io.liaison.channel.DeliveryRecord;
import io.liaison.channel.StandardWebhooks;
import io.liaison.channel.WebhookChannels;
import io.liaison.identity.Actor;
import io.liaison.integration.IntegrationPermissions;
import io.liaison.integration.WebhookFullDetailsGranted;
import io.liaison.integration.change.ChangeFeed;
import io.liaison.shared.CursorPage;
import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.MergePatch;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organization's webhook endpoints, for members holding {@code integration.manage}. An endpoint
 * is a hidden channel of kind webhook (its URL and encrypted secret, through which the delivery
 * workers send) and this module's row (what it subscribes to and how far it has been sent). The
 * secret is answered once, at creation and at each rotation. Letting an endpoint receive contacts'
 * full details also needs {@code contact.reveal} and is audited.
 */
@Service
public class WebhookService {

    public static final String MODULE = "integration";
    public static final Set<String> PATCHABLE = Set.of("url", "description", "eventTypes", "enabled", "fullDetails");

    private final WebhookRepository endpoints;
    private final WebhookChannels channels;
    private final Deliveries deliveries;
    private final ChangeFeed feed;
    private final WebhookSettings settings;
    private final ApplicationEventPublisher events;

    WebhookService(
            WebhookRepository endpoints,
            WebhookChannels channels,
            Deliveries deliveries,
            ChangeFeed feed,
            WebhookSettings settings,
            ApplicationEventPublisher events) {
        this.endpoints = endpoints;
        this.channels = channels;
        this.deliveries = deliveries;
        this.feed = feed;
        this.settings = settings;
        this.events = events;
    }

    /** An endpoint just made or given a new secret, with that secret, shown this once. */
    public record WithSecret(
            WebhookEndpoint endpoint,
            String secret,
            @Nullable Instant previousSecretUntil) {}

    /** What a new endpoint is; {@code null} values take their defaults (on, masked details). */
    public record NewEndpoint(
            @Nullable String url,
            @Nullable String description,
            @Nullable List<String> eventTypes,
            @Nullable Boolean enabled,
            @Nullable Boolean fullDetails) {}

    @Transactional(readOnly = true)
    public CursorPage<WebhookEndpoint> list(Actor actor, @Nullable String cursor, int limit) {
        requireManage(actor);
        return CursorPage.of(
                endpoints.list(actor.orgId(), CursorPage.decode(cursor), limit + 1), limit, WebhookEndpoint::id);
    }

    @Transactional(readOnly = true)
    public WebhookEndpoint get(Actor actor, UUID id) {
        requireManage(actor);
        return endpoints.find(actor.orgId(), id).orElseThrow(() -> LiaisonException.notFound("webhook", id));
    }

    /**
     * Makes an endpoint with a new secret. It starts at the feed's newest change: it receives what
     * changes from now on, not the organization's history (the change feed has that).
     */
    @Transactional
    public WithSecret create(Actor actor, NewEndpoint request) {
        requireManage(actor);
        String url = WebhookRules.url(request.url());
        String description = WebhookRules.description(request.description());
        List<String> types = WebhookRules.eventTypes(request.eventTypes());
        boolean full = Boolean.TRUE.equals(request.fullDetails());
        boolean enabled = request.enabled() == null || request.enabled();
        if (full) {
            requireReveal(actor);
        }
        if (endpoints.count(actor.orgId()) >= settings.maxEndpoints()) {
            throw new LiaisonException(HttpStatus.UNPROCESSABLE_ENTITY, "webhook-limit", settings.maxEndpoints());
        }
        String secret = StandardWebhooks.newSecret();
        UUID channelId = channels.create(actor.orgId(), MODULE, WebhookRules.channelName(url), url, secret);
        if (!enabled) {
            channels.update(actor.orgId(), channelId, WebhookRules.channelName(url), url, false);
        }
        UUID id = Ids.newId();
        Instant now = Instant.now();
        WebhookEndpoint endpoint = new WebhookEndpoint(
                id, channelId, url, description, types, full, enabled, feed.head(actor.orgId()), null, now, now, 0);
        endpoints.insert(actor.orgId(), endpoint, actor.memberId());
        if (full) {
            events.publishEvent(new WebhookFullDetailsGranted(actor.orgId(), actor.memberId(), id));
        }
        return new WithSecret(endpoints.find(actor.orgId(), id).orElseThrow(), secret, null);
    }

    /**
     * A JSON Merge Patch of url, description, eventTypes, enabled and fullDetails. Switching an endpoint
     * back on starts it at the feed's newest change: what changed while it was off is in the change
     * feed, not sent late in a burst.
     */
    @Transactional
    public WebhookEndpoint update(Actor actor, UUID id, MergePatch patch, @Nullable Long expectedVersion) {
        WebhookEndpoint current = get(actor, id);
        LiaisonException.requireVersion(expectedVersion, current.version());
        String url = patch.has("url") ? WebhookRules.url(patch.text("url")) : current.url();
        String description =
                patch.has("description") ? WebhookRules.description(patch.text("description")) : current.description();
        List<String> types = patch.has("eventTypes")
                ? WebhookRules.eventTypes(patch.texts("eventTypes", WebhookRules.MAX_EVENT_TYPES + 1))
                : current.eventTypes();
        boolean enabled = patch.has("enabled") ? patch.bool("enabled") : current.enabled();
        boolean full = patch.has("fullDetails") ? patch.bool("fullDetails") : current.fullDetails();
        boolean granted = full && !current.fullDetails();
        if (granted) {
            requireReveal(actor);
        }
        boolean switchedOn = enabled && !current.enabled();
        WebhookEndpoint changed = new WebhookEndpoint(
                id,
                current.channelId(),
                url,
                description,
                types,
                full,
                enabled,
                switchedOn ? feed.head(actor.orgId()) : current.cursor(),
                enabled ? null : current.disabledReason(),
                current.createdAt(),
                current.updatedAt(),
                current.version());
        if (!endpoints.update(actor.orgId(), changed, current.version())) {
            throw LiaisonException.stale(current.version(), current.version() + 1);
        }
        if (!url.equals(current.url()) || enabled != current.enabled()) {
            channels.update(actor.orgId(), current.channelId(), WebhookRules.channelName(url), url, enabled);
        }
        if (granted) {
            events.publishEvent(new WebhookFullDetailsGranted(actor.orgId(), actor.memberId(), id));
        }
        return endpoints.find(actor.orgId(), id).orElseThrow();
    }

    /** Deletes the endpoint and its channel; deliveries still queued for it are not sent. */
    @Transactional
    public void delete(Actor actor, UUID id, @Nullable Long expectedVersion) {
        WebhookEndpoint current = get(actor, id);
        LiaisonException.requireVersion(expectedVersion, current.version());
        endpoints.delete(actor.orgId(), id);
        channels.delete(actor.orgId(), current.channelId());
    }

    /**
     * A new secret, answered once; the old one keeps signing beside it (both signatures in each
     * request) for {@code liaison.integration.webhooks.rotation-overlap}, so that the receiver can
     * switch without losing a request.
     */
    @Transactional
    public WithSecret rotate(Actor actor, UUID id) {
        WebhookEndpoint current = get(actor, id);
        String secret = StandardWebhooks.newSecret();
        Instant previousUntil = Instant.now().plus(settings.rotationOverlap());
        channels.rotate(actor.orgId(), current.channelId(), secret, previousUntil);
        endpoints.update(actor.orgId(), current, current.version());
        return new WithSecret(endpoints.find(actor.orgId(), id).orElseThrow(), secret, previousUntil);
    }

    /** The endpoint's delivery log, newest first. */
    @Transactional(readOnly = true)
    public CursorPage<DeliveryRecord> deliveries(Actor actor, UUID id, @Nullable String cursor, int limit) {
        WebhookEndpoint endpoint = get(actor, id);
        List<DeliveryRecord> rows = deliveries.ofChannel(actor.orgId(), endpoint.channelId(), cursor, limit + 1);
        if (rows.size() <= limit) {
            return new CursorPage<>(rows, null);
        }
        List<DeliveryRecord> page = List.copyOf(rows.subList(0, limit));
        return new CursorPage<>(page, page.get(limit - 1).cursor());
    }

    /** Sends a delivery of the endpoint again, with the same message and webhook-id; the new delivery's id. */
    @Transactional
    public UUID redeliver(Actor actor, UUID id, UUID deliveryId) {
        WebhookEndpoint endpoint = get(actor, id);
        deliveries
                .find(actor.orgId(), deliveryId)
                .filter(d -> d.channelId().equals(endpoint.channelId()))
                .orElseThrow(() -> LiaisonException.notFound("delivery", deliveryId));
        return deliveries.redeliver(actor.orgId(), deliveryId);
    }

    private static void requireManage(Actor actor) {
        if (!actor.can(IntegrationPermissions.MANAGE)) {
            throw LiaisonException.forbidden("forbidden.manage-integrations");
        }
    }

    private static void requireReveal(Actor actor) {
        if (!actor.can(ContactPermissions.REVEAL)) {
            throw LiaisonException.forbidden("forbidden.webhook-full-details");
        }
    }
}
