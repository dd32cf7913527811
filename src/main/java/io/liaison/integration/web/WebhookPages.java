package io.liaison.integration.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.access.ContactPermissions;
import io.liaison.channel.DeliveryRecord;
import io.liaison.identity.Actor;
import io.liaison.integration.change.ChangeTypes;
import io.liaison.integration.webhook.WebhookEndpoint;
import io.liaison.integration.webhook.WebhookService;
import io.liaison.integration.webhook.WebhookService.WithSecret;
import io.liaison.shared.CursorPage;
import io.liaison.shared.MergePatch;
import io.liaison.shared.StoredMessages;
import io.liaison.shared.web.PanelPages;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The webhook settings ({@code integration.manage}): the organization's endpoints, a form to make
 * one (its secret shown once, right after), and each endpoint's page with its settings, the secret's
 * rotation and the delivery log, where a delivery can be sent again.
 */
@Controller
@RequestMapping("/integrations/webhooks")
class WebhookPages extends PanelPages<Actor> {

    private static final int LOG_PAGE = 50;

    private final WebhookService webhooks;
    private final StoredMessages stored;

    WebhookPages(WebhookService webhooks, StoredMessages stored) {
        super("integration/webhooks");
        this.webhooks = webhooks;
        this.stored = stored;
    }

    @Override
    protected void list(Actor actor, Model model) {
        model.addAttribute(
                "endpoints", webhooks.list(actor, null, CursorPage.MAX_LIMIT).items());
        model.addAttribute("types", ChangeTypes.ALL);
        model.addAttribute("mayReveal", actor.can(ContactPermissions.REVEAL));
    }

    @PostMapping
    String create(
            Actor actor,
            @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(required = false) @Nullable List<String> eventTypes,
            @RequestParam(defaultValue = "false") boolean fullDetails,
            Model model) {
        WithSecret created =
                webhooks.create(actor, new WebhookService.NewEndpoint(url, description, eventTypes, true, fullDetails));
        model.addAttribute("secret", created.secret());
        return afterChange(actor, model, "webhooks.created", created.endpoint().url());
    }

    @PostMapping("/{id}/delete")
    String delete(Actor actor, @PathVariable UUID id, @RequestParam long version, Model model) {
        String url = webhooks.get(actor, id).url();
        webhooks.delete(actor, id, version);
        return afterChange(actor, model, "webhooks.deleted", url);
    }

    @GetMapping("/{id}")
    String endpoint(Actor actor, @PathVariable UUID id, Model model) {
        endpointModel(actor, id, model);
        return "integration/webhook";
    }

    @HxRequest
    @GetMapping("/{id}")
    String endpointPanel(Actor actor, @PathVariable UUID id, Model model) {
        endpointModel(actor, id, model);
        return "integration/webhook :: panel";
    }

    /** The next page of the delivery log, in place of its "more" row. */
    @HxRequest
    @GetMapping("/{id}/deliveries")
    String deliveries(Actor actor, @PathVariable UUID id, @RequestParam String cursor, Model model) {
        model.addAttribute("endpoint", webhooks.get(actor, id));
        model.addAttribute("log", log(actor, id, cursor));
        model.addAttribute("firstPage", false);
        return "integration/webhook :: log-rows";
    }

    @PostMapping("/{id}")
    String update(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(required = false) @Nullable List<String> eventTypes,
            @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(defaultValue = "false") boolean fullDetails,
            @RequestParam long version,
            Model model) {
        Map<String, @Nullable Object> changes = new HashMap<>();
        changes.put("url", url);
        changes.put("description", description);
        changes.put("eventTypes", eventTypes == null ? List.of() : eventTypes);
        changes.put("enabled", enabled);
        changes.put("fullDetails", fullDetails);
        webhooks.update(actor, id, new MergePatch(changes, WebhookService.PATCHABLE), version);
        model.addAttribute("notice", "webhooks.updated");
        return endpointPanel(actor, id, model);
    }

    @PostMapping("/{id}/rotate")
    String rotate(Actor actor, @PathVariable UUID id, Model model) {
        WithSecret rotated = webhooks.rotate(actor, id);
        model.addAttribute("secret", rotated.secret());
        model.addAttribute("previousUntil", rotated.previousSecretUntil());
        return endpointPanel(actor, id, model);
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    String redeliver(Actor actor, @PathVariable UUID id, @PathVariable UUID deliveryId, Model model) {
        webhooks.redeliver(actor, id, deliveryId);
        model.addAttribute("notice", "webhooks.redelivered");
        return endpointPanel(actor, id, model);
    }

    private void endpointModel(Actor actor, UUID id, Model model) {
        WebhookEndpoint endpoint = webhooks.get(actor, id);
        model.addAttribute("endpoint", endpoint);
        model.addAttribute("disabledReason", stored.read(endpoint.disabledReason()));
        model.addAttribute("types", ChangeTypes.ALL);
        model.addAttribute("mayReveal", actor.can(ContactPermissions.REVEAL));
        model.addAttribute("log", log(actor, id, null));
        model.addAttribute("firstPage", true);
    }

    private CursorPage<LogRow> log(Actor actor, UUID id, @Nullable String cursor) {
        return webhooks.deliveries(actor, id, cursor, LOG_PAGE).map(d -> new LogRow(d, stored.read(d.reason())));
    }

    /** A delivery with its reason said in the reader's language. */
    record LogRow(DeliveryRecord delivery, @Nullable String reason) {}
}
