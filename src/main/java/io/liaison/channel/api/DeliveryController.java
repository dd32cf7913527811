package io.liaison.channel.api;

import io.liaison.channel.delivery.DeliveryLog;
import io.liaison.channel.delivery.DeliveryView;
import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
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

    DeliveryController(DeliveryLog log) {
        this.log = log;
    }

    @GetMapping
    CursorPage<DeliveryView> list(
            Actor actor,
            @RequestParam(required = false) @Nullable UUID channelId,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        String filter = state == null || state.isBlank() ? null : state.trim();
        return log.list(actor, channelId, filter, cursor, CursorPage.limit(limit));
    }

    @GetMapping("/{id}")
    DeliveryView get(Actor actor, @PathVariable UUID id) {
        return log.get(actor, id);
    }

    @ProblemResponse(
            status = 409,
            description = "Only a failed delivery can be retried.",
            types = "delivery-not-failed")
    @PostMapping("/{id}/retry")
    DeliveryView retry(Actor actor, @PathVariable UUID id) {
        return log.retry(actor, id);
    }
}
