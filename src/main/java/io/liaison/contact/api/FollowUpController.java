package io.liaison.contact.api;

import io.liaison.contact.followup.FollowUp;
import io.liaison.contact.followup.FollowUpService;
import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import io.liaison.shared.web.ETags;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
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

@RestController
@RequestMapping("/api/v1/contacts/{contactId}/follow-ups")
class FollowUpController {

    private final FollowUpService followUps;

    FollowUpController(FollowUpService followUps) {
        this.followUps = followUps;
    }

    record FollowUpRequest(
            @Schema(
                    allowableValues = {
                        FollowUp.NOTE,
                        FollowUp.CALL,
                        FollowUp.VISIT,
                        FollowUp.MEETING,
                        FollowUp.MESSAGE,
                        FollowUp.EMAIL
                    },
                    example = FollowUp.CALL)
            String type,

            @Schema(maxLength = FollowUpService.MAX_CONTENT, example = "电话沟通续约，下周三拜访。")
            String content,

            @Schema(
                    description = "When it happened, not in the future; now if left out.",
                    example = "2026-11-25T09:30:00+08:00")
            @Nullable
            OffsetDateTime occurredAt) {}

    @GetMapping
    CursorPage<FollowUp> list(
            Actor actor,
            @PathVariable UUID contactId,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return followUps.list(actor, contactId, cursor, CursorPage.limit(limit));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<FollowUp> record(Actor actor, @PathVariable UUID contactId, @RequestBody FollowUpRequest request) {
        FollowUp created = followUps.record(actor, contactId, request.type(), request.content(), request.occurredAt());
        return ETags.created(
                "/api/v1/contacts/" + contactId + "/follow-ups/" + created.id(), created, created.version());
    }

    @PatchMapping("/{id}")
    ResponseEntity<FollowUp> update(
            Actor actor,
            @PathVariable UUID contactId,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody FollowUpRequest request) {
        FollowUp changed = followUps.update(
                actor, contactId, id, request.type(), request.content(), request.occurredAt(), ETags.expected(ifMatch));
        return ETags.ok(changed, changed.version());
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Actor actor, @PathVariable UUID contactId, @PathVariable UUID id) {
        followUps.delete(actor, contactId, id);
        return ETags.deleted();
    }
}
