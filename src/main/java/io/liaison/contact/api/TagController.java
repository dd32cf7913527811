package io.liaison.contact.api;

import io.liaison.contact.Tag;
import io.liaison.contact.tag.TagService;
import io.liaison.identity.Actor;
import io.liaison.shared.SortOrder;
import io.liaison.shared.web.ETags;
import io.liaison.shared.web.KnownFieldsOnly;
import io.liaison.shared.web.Patch;
import io.liaison.shared.web.ProblemResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tags")
class TagController {

    private final TagService tags;

    TagController(TagService tags) {
        this.tags = tags;
    }

    /** A change to a tag (JSON Merge Patch): a field left out stays as it is. */
    @KnownFieldsOnly
    record TagPatch(
            @Schema(maxLength = TagService.MAX_NAME, example = "Retail")
            Patch<String> name,

            @Schema(minimum = "-" + SortOrder.MAX, maximum = "" + SortOrder.MAX, example = "3")
            Patch<Integer> order,

            @Schema(description = "Moves the tag into this group.", example = "0190a5d2-0000-7000-8000-000000000002")
            Patch<UUID> groupId) {}

    @GetMapping("/{id}")
    ResponseEntity<Tag> get(Actor actor, @PathVariable UUID id) {
        Tag tag = tags.tag(actor, id);
        return ETags.ok(tag, tag.version());
    }

    /** Renames, reorders or moves ({@code groupId}) a tag; contacts keep it, as they refer to its id. */
    @ProblemResponse(status = 409, description = "The group has a tag of this name already.", types = "tag-name-taken")
    @ProblemResponse(
            status = 422,
            description = "The tag cannot move into an exclusive group whose tags its contacts carry.",
            types = {"tag-group-exclusive", "tag-group-not-exclusive"})
    @PatchMapping(
            path = "/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<Tag> update(
            Actor actor,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody TagPatch body) {
        Tag changed = tags.updateTag(actor, id, Patch.fields(body), ETags.expected(ifMatch));
        return ETags.ok(changed, changed.version());
    }

    /** Deletes the tag; contacts lose it, which their timelines record. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            Actor actor,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        tags.deleteTag(actor, id, ETags.expected(ifMatch));
        return ETags.deleted();
    }
}
