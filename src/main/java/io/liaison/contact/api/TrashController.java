package io.liaison.contact.api;

import io.liaison.contact.ContactPurge;
import io.liaison.identity.Actor;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Purging contacts from the trash before their retention ends: administrators ({@code contact.purge}). */
@RestController
@RequestMapping("/api/v1/trash/contacts")
class TrashController {

    private final ContactPurge purge;

    TrashController(ContactPurge purge) {
        this.purge = purge;
    }

    /** Purges one contact of the trash for good. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    void purge(Actor actor, @PathVariable UUID id) {
        purge.purge(actor, id);
    }

    /** How many contacts emptying the trash purged. */
    record Emptied(
            @Schema(description = "Contacts purged (at most 5,000 at once)", example = "42")
            int purged) {}

    /** Purges every contact of the trash the actor sees, at most 5,000 at once. */
    @DeleteMapping
    Emptied empty(Actor actor) {
        return new Emptied(purge.empty(actor));
    }
}
