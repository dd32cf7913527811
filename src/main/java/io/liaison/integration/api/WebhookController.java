package io.liaison.integration.api;

import io.liaison.channel.DeliveryRecord;
import io.liaison.identity.Actor;
import io.liaison.integration.webhook.WebhookEndpoint;
import io.liaison.integration.webhook.WebhookRules;
import io.liaison.integration.webhook.WebhookService;
import io.liaison.integration.webhook.WebhookService.WithSecret;
import io.liaison.shared.CursorPage;
import io.liaison.shared.MergePatch;
import io.liaison.shared.StoredMessages;
import io.liaison.shared.web.ETags;
import io.liaison.shared.web.KnownFieldsOnly;
import io.liaison.shared.web.Patch;
import io.liaison.shared.web.ProblemResponse;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Outbound webhooks ({@code integration.manage}): each endpoint receives the changes of the types it
 * subscribes to as signed Standard Webhooks requests, {@code {type, timestamp, data}}, one contact's
 * changes in the order they happened, retried with backoff for three days. The {@code whsec_} secret
 * is answered once; after a rotation the old secret signs beside the new one for 24 hours.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {

    private final WebhookService webhooks;
    private final StoredMessages stored;

    WebhookController(WebhookService webhooks, StoredMessages stored) {
        this.webhooks = webhooks;
        this.stored = stored;
    }

    record CreateWebhookRequest(
            @Schema(maxLength = WebhookRules.MAX_URL, example = "https://crm.example.com/hooks/liaison") @Nullable
            String url,

            @Schema(maxLength = WebhookRules.MAX_DESCRIPTION, example = "CRM sync") @Nullable
            String description,

            @ArraySchema(
                    maxItems = WebhookRules.MAX_EVENT_TYPES,
                    arraySchema = @Schema(description = "One or more change types, such as contact.created."),
                    schema = @Schema(maxLength = 64, example = "contact.created"))
            @Nullable
            List<String> eventTypes,

            @Schema(description = "Defaults to true.") @Nullable
            Boolean enabled,

            @Schema(
                    description = "Send contacts with mobile, phones and e-mails unmasked; needs contact.reveal"
                            + " as well, and is audited. Defaults to false.")
            @Nullable
            Boolean fullDetails) {}

    /** A change to an endpoint (JSON Merge Patch): a field left out stays as it is. */
    @KnownFieldsOnly
    record WebhookPatch(
            @Schema(maxLength = WebhookRules.MAX_URL, example = "https://crm.example.com/hooks/liaison")
            Patch<String> url,

            @Schema(maxLength = WebhookRules.MAX_DESCRIPTION, example = "CRM sync")
            Patch<String> description,

            @ArraySchema(
                    maxItems = WebhookRules.MAX_EVENT_TYPES,
                    schema = @Schema(maxLength = 64, example = "contact.updated"))
            Patch<List<String>> eventTypes,

            @Schema(description = "Switching it on again starts at the newest change.")
            Patch<Boolean> enabled,

            Patch<Boolean> fullDetails) {}

    @GetMapping
    CursorPage<WebhookResponse> list(
            Actor actor,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return webhooks.list(actor, cursor, CursorPage.limit(limit)).map(e -> response(e, null, null));
    }

    @ProblemResponse(
            status = 422,
            description = "The organization has as many endpoints as allowed.",
            types = "webhook-limit")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<WebhookResponse> create(Actor actor, @RequestBody CreateWebhookRequest request) {
        WithSecret created = webhooks.create(
                actor,
                new WebhookService.NewEndpoint(
                        request.url(),
                        request.description(),
                        request.eventTypes(),
                        request.enabled(),
                        request.fullDetails()));
        WebhookEndpoint e = created.endpoint();
        return ETags.created("/api/v1/webhooks/" + e.id(), response(e, created.secret(), null), e.version());
    }

    @GetMapping("/{id}")
    ResponseEntity<WebhookResponse> get(Actor actor, @PathVariable UUID id) {
        WebhookEndpoint e = webhooks.get(actor, id);
        return ETags.ok(response(e, null, null), e.version());
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<WebhookResponse> update(
            Actor actor,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody WebhookPatch body) {
        MergePatch patch = new MergePatch(Patch.fields(body), WebhookService.PATCHABLE);
        WebhookEndpoint e = webhooks.update(actor, id, patch, ETags.expected(ifMatch));
        return ETags.ok(response(e, null, null), e.version());
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            Actor actor,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        webhooks.delete(actor, id, ETags.expected(ifMatch));
        return ETags.deleted();
    }

    /** A new secret, answered once; the previous one keeps signing beside it for 24 hours. */
    @PostMapping("/{id}/rotate-secret")
    ResponseEntity<WebhookResponse> rotate(Actor actor, @PathVariable UUID id) {
        WithSecret rotated = webhooks.rotate(actor, id);
        WebhookEndpoint e = rotated.endpoint();
        return ETags.ok(response(e, rotated.secret(), rotated.previousSecretUntil()), e.version());
    }

    /** The endpoint's delivery log, newest first. */
    @GetMapping("/{id}/deliveries")
    CursorPage<WebhookDeliveryResponse> deliveries(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        CursorPage<DeliveryRecord> page = webhooks.deliveries(actor, id, cursor, CursorPage.limit(limit));
        return page.map(d -> WebhookDeliveryResponse.of(d, stored.read(d.reason())));
    }

    /** Sends a delivery again (same body and webhook-id); answers the new delivery. */
    @ProblemResponse(status = 404, description = "No such delivery of this endpoint.", types = "delivery-not-found")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    RedeliveryResponse redeliver(Actor actor, @PathVariable UUID id, @PathVariable UUID deliveryId) {
        return new RedeliveryResponse(webhooks.redeliver(actor, id, deliveryId));
    }

    /** The queued repeat of a delivery. */
    record RedeliveryResponse(
            @Schema(example = "0190a5d2-0000-7000-8000-0000000000d2")
            UUID deliveryId) {}

    private WebhookResponse response(
            WebhookEndpoint e, @Nullable String secret, java.time.@Nullable Instant previousSecretUntil) {
        return WebhookResponse.of(e, stored.read(e.disabledReason()), secret, previousSecretUntil);
    }
}
