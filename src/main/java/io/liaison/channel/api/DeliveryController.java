package io.liaison.channel.api;

import io.liaison.channel.delivery.DeliveryLog;
import io.liaison.channel.delivery.DeliveryView;
import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import io.liaison.shared.StoredMessages;
import io.liaison.shared.web.ProblemResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The delivery log, newest first: request and answer as sent and received, with every secret
 * replaced by {@code ***}, and the reason in the caller's language.
 */
@RestController
@RequestMapping("/api/v1/deliveries")
class DeliveryController {

    private final DeliveryLog log;
    private final StoredMessages texts;

    DeliveryController(DeliveryLog log, StoredMessages texts) {
        this.log = log;
        this.texts = texts;
    }

    @GetMapping
    CursorPage<DeliveryView> list(
            Actor actor,
            @RequestParam(required = false) @Nullable UUID channelId,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        String filter = state == null || state.isBlank() ? null : state.trim();
        return log.list(actor, channelId, filter, cursor, CursorPage.limit(limit))
                .map(this::said);
    }

    @GetMapping("/{id}")
    DeliveryView get(Actor actor, @PathVariable UUID id) {
        return said(log.get(actor, id));
    }

    @ProblemResponse(
            status = 409,
            description = "Only a failed delivery can be retried.",
            types = "delivery-not-failed")
    @PostMapping("/{id}/retry")
    DeliveryView retry(Actor actor, @PathVariable UUID id) {
        return said(log.retry(actor, id));
    }

    private DeliveryView said(DeliveryView d) {
        return new DeliveryView(
                d.id(),
                d.channelId(),
                d.emailAddress(),
                d.kind(),
                d.originModule(),
                d.originId(),
                d.urgent(),
                d.part(),
                d.parts(),
                d.title(),
                d.state(),
                d.attempts(),
                d.nextAttemptAt(),
                d.request(),
                d.answer(),
                texts.read(d.reason()),
                d.createdAt(),
                d.endedAt());
    }
}
