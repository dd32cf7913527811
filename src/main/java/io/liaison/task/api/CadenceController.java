package io.liaison.task.api;

import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import io.liaison.shared.web.ETags;
import io.liaison.shared.web.KnownFieldsOnly;
import io.liaison.shared.web.ProblemResponse;
import io.liaison.task.cadence.Cadence;
import io.liaison.task.cadence.CadenceService;
import io.liaison.task.cadence.DueContact;
import io.swagger.v3.oas.annotations.media.Schema;
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
 * Stay-in-touch cadences: a contact's, set by whoever may edit the contact; a tag's, set by whoever
 * manages tags. {@code /due} lists the contacts the reader sees whose cadence has lapsed.
 */
@RestController
@RequestMapping("/api/v1/cadences")
class CadenceController {

    private final CadenceService cadences;

    CadenceController(CadenceService cadences) {
        this.cadences = cadences;
    }

    @KnownFieldsOnly
    @Schema(example = "{\"tagId\":\"0190a5d2-0000-7000-8000-000000000002\",\"everyDays\":14}")
    record CadenceRequest(
            @Schema(description = "The contact this cadence is for; or tagId") @Nullable
            UUID contactId,

            @Schema(description = "The tag whose contacts this cadence is for; or contactId") @Nullable
            UUID tagId,

            @Schema(minimum = "1", maximum = "365", example = "14") @Nullable
            Integer everyDays) {}

    /** A change to a cadence (JSON Merge Patch): its days. */
    @KnownFieldsOnly
    record CadencePatch(
            @Schema(minimum = "1", maximum = "365", example = "30") @Nullable
            Integer everyDays) {}

    @GetMapping
    CursorPage<Cadence> list(
            Actor actor,
            @RequestParam(required = false) @Nullable UUID contactId,
            @RequestParam(required = false) @Nullable UUID tagId,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return cadences.list(actor, contactId, tagId, cursor, CursorPage.limit(limit));
    }

    /** The contacts the reader sees whose cadence has lapsed, most overdue first. */
    @GetMapping("/due")
    CursorPage<DueContact> due(
            Actor actor,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return cadences.due(actor, cursor, CursorPage.limit(limit));
    }

    @ProblemResponse(
            status = 409,
            description = "The contact or the tag has a cadence already.",
            types = "cadence-exists")
    @ProblemResponse(
            status = 404,
            description = "No such contact that the actor sees, or no such tag.",
            types = {"contact-not-found", "tag-not-found"})
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<Cadence> create(Actor actor, @RequestBody CadenceRequest request) {
        Cadence cadence = cadences.create(actor, request.contactId(), request.tagId(), request.everyDays());
        return ETags.created("/api/v1/cadences/" + cadence.id(), cadence, cadence.version());
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<Cadence> update(
            Actor actor,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody CadencePatch body) {
        Cadence changed = cadences.update(actor, id, body.everyDays(), ETags.expected(ifMatch));
        return ETags.ok(changed, changed.version());
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            Actor actor,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        cadences.delete(actor, id, ETags.expected(ifMatch));
        return ETags.deleted();
    }
}
