package io.liaison.push.optout;

import io.liaison.identity.Actor;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whether a contact wants pushes: read by whoever sees the contact; an opt-out recorded (PUT) or
 * lifted (DELETE) by whoever may edit it. Both are idempotent.
 */
@RestController
@RequestMapping("/api/v1/contacts/{id}/push-opt-out")
class OptOutController {

    private final OptOuts optOuts;

    OptOutController(OptOuts optOuts) {
        this.optOuts = optOuts;
    }

    record OptOutResponse(
            @Schema(description = "Pushes skip the contact while true")
            boolean optedOut,

            @Schema(description = "Since when; absent when the contact accepts pushes") @Nullable
            OffsetDateTime at,

            @Schema(
                    description = "How: by the unsubscribe link of an e-mail, or recorded by a member",
                    allowableValues = {OptOuts.LINK, OptOuts.MEMBER})
            @Nullable
            String via) {}

    @GetMapping
    OptOutResponse get(Actor actor, @PathVariable UUID id) {
        OptOuts.Status status = optOuts.status(actor, id);
        return new OptOutResponse(status.optedOut(), status.at(), status.via());
    }

    @PutMapping
    ResponseEntity<Void> optOut(Actor actor, @PathVariable UUID id) {
        optOuts.optOut(actor, id);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping
    ResponseEntity<Void> optIn(Actor actor, @PathVariable UUID id) {
        optOuts.optIn(actor, id);
        return ResponseEntity.noContent().build();
    }
}
