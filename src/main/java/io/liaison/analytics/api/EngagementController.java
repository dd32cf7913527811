package io.liaison.analytics.api;

import io.liaison.analytics.engagement.ContactEngagement;
import io.liaison.identity.Actor;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A contact's engagement: its latest recorded contact, its activity score over the last 90 days and the
 * score's weekly trend; for a live contact the caller sees, else 404 as the contact itself answers.
 */
@RestController
class EngagementController {

    private final ContactEngagement engagement;

    EngagementController(ContactEngagement engagement) {
        this.engagement = engagement;
    }

    @GetMapping("/api/v1/contacts/{id}/engagement")
    EngagementResponse get(Actor actor, @PathVariable UUID id) {
        return EngagementResponse.of(engagement.of(actor, id));
    }
}
