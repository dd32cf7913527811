package io.liaison.review.api;

import io.liaison.identity.Actor;
import io.liaison.review.merge.Merge;
import io.liaison.review.merge.MergeService;
import io.liaison.shared.CursorPage;
import io.liaison.shared.web.ETags;
import io.liaison.shared.web.ProblemResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Merging duplicate contacts: the survivor takes the chosen fields of the others and everything
 * they have (tags, phones, e-mails, follow-ups, links); the others are hidden. An undo within 30
 * days gives each contact back what it had, keeping what changed on the survivor since.
 */
@RestController
@RequestMapping("/api/v1")
class MergeController {

    private final MergeService merges;

    MergeController(MergeService merges) {
        this.merges = merges;
    }

    /** A merge: the survivor, up to 9 contacts merged into it, and which contact each field comes from. */
    record MergeBody(
            @Schema(description = "The contact that stays", example = "0190a2c4-5b6e-7c8d-9e0f-1a2b3c4d5e6f") @Nullable
            UUID survivorId,

            @Schema(
                    description = "The contacts merged into the survivor (1 to 9)",
                    example = "[\"0190a2c4-5b6e-7c8d-9e0f-1a2b3c4d5e70\"]")
            @Nullable
            List<UUID> mergedIds,

            @Schema(
                    description =
                            "Per field (name, mobile, company, title, address, remark, gender, birthday, avatarUrl, customFields.<key>), the contact whose value the survivor takes; the survivor's own where absent",
                    example = "{\"company\": \"0190a2c4-5b6e-7c8d-9e0f-1a2b3c4d5e70\"}")
            @Nullable
            Map<String, UUID> fields) {}

    @ResponseStatus(HttpStatus.CREATED)
    @ProblemResponse(
            status = 404,
            description = "A contact of the merge does not exist, or the actor may not see it.",
            types = "contact-not-found")
    @ProblemResponse(
            status = 409,
            description =
                    "A contact of the merge is in the trash, or two merged contacts have different ids of one source the survivor lacks.",
            types = {"merge-trashed-contact", "merge-external-ids-conflict"})
    @PostMapping("/contacts/merge")
    ResponseEntity<Merge.Created> merge(
            Actor actor,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody MergeBody body) {
        UUID id = merges.merge(
                actor,
                new MergeService.MergeRequest(body.survivorId(), body.mergedIds(), body.fields()),
                ETags.expected(ifMatch));
        return ResponseEntity.created(URI.create("/api/v1/merges/" + id)).body(new Merge.Created(id));
    }

    @GetMapping("/merges")
    CursorPage<Merge> list(
            Actor actor,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return merges.list(actor, cursor, CursorPage.limit(limit));
    }

    @GetMapping("/merges/{id}")
    Merge get(Actor actor, @PathVariable UUID id) {
        return merges.get(actor, id);
    }

    @ProblemResponse(
            status = 409,
            description =
                    "The merge was undone already, is older than 30 days, a merged contact was deleted for good, the survivor is in the trash, or an external id to give back is another contact's now.",
            types = {
                "merge-already-undone",
                "merge-undo-expired",
                "merge-contact-purged",
                "merge-trashed-contact",
                "external-id-taken"
            })
    @ProblemResponse(
            status = 412,
            description = "The survivor changed while the undo ran; try again.",
            types = "stale-version")
    @PostMapping("/merges/{id}/undo")
    Merge undo(Actor actor, @PathVariable UUID id) {
        return merges.undo(actor, id);
    }
}
