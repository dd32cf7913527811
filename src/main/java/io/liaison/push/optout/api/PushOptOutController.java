package io.liaison.push.optout.api;

import io.liaison.identity.Actor;
import io.liaison.push.optout.OptOuts;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whether a contact wants pushes: read by whoever sees the contact; an opt-out recorded (PUT) or
 * lifted (DELETE) by whoever may edit it. Both are idempotent.
 */
@RestController
@RequestMapping("/api/v1/contacts/{id}/push-opt-out")
class PushOptOutController {

    private final OptOuts optOuts;

    PushOptOutController(OptOuts optOuts) {
        this.optOuts = optOuts;
    }

    record OptOutResponse(
            @Schema(description = "Pushes skip the contact while true", example = "true")
            boolean optedOut,

            @Schema(
                    description = "Since when; absent when the contact accepts pushes",
                    example = "2026-12-04T09:30:00+08:00")
            @Nullable
            OffsetDateTime at,

            @Schema(
                    description = "How: by the unsubscribe link of an e-mail, or recorded by a member",
                    allowableValues = {OptOuts.LINK, OptOuts.MEMBER},
                    example = OptOuts.LINK)
            @Nullable
            String via) {}

    @GetMapping
    OptOutResponse get(Actor actor, @PathVariable UUID id) {
        OptOuts.Status status = optOuts.status(actor, id);
        return new OptOutResponse(status.optedOut(), status.at(), status.via());
    }

    /** The contact wants no pushes (from now, or as it was recorded before). */
    @PutMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void record(Actor actor, @PathVariable UUID id) {
        optOuts.optOut(actor, id);
    }

    /** The contact accepts pushes again. */
    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(Actor actor, @PathVariable UUID id) {
        optOuts.optIn(actor, id);
    }
}
