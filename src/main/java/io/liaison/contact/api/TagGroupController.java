package io.liaison.contact.api;

import io.liaison.contact.Tag;
import io.liaison.contact.TagGroup;
import io.liaison.contact.tag.TagService;
import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tag-groups")
class TagGroupController {

    private final TagService tags;

    TagGroupController(TagService tags) {
        this.tags = tags;
    }

    record CreateTagGroupRequest(
            @Schema(maxLength = TagService.MAX_NAME, example = "行业")
            String name,

            @Schema(
                    pattern = TagService.COLOR_PATTERN,
                    example = "#1E88E5",
                    description = "Without it, the group gets the next colour of a fixed palette that no"
                            + " group has yet (cycling once all are taken).")
            @Nullable
            String color,

            @Schema(minimum = "-" + SortOrder.MAX, maximum = "" + SortOrder.MAX, example = "3") @Nullable
            Integer order,

            @Schema(description = "At most one tag of the group per contact.", example = "true") @Nullable
            Boolean exclusive) {}

    record CreateTagRequest(
            @Schema(maxLength = TagService.MAX_NAME, example = "零售")
            String name,

            @Schema(minimum = "-" + SortOrder.MAX, maximum = "" + SortOrder.MAX, example = "3") @Nullable
            Integer order) {}

    /** A change to a tag group (JSON Merge Patch): a field left out stays as it is. */
    @KnownFieldsOnly
    record TagGroupPatch(
            @Schema(maxLength = TagService.MAX_NAME, example = "Industry")
            Patch<String> name,

            @Schema(pattern = TagService.COLOR_PATTERN, example = "#1E88E5")
            Patch<String> color,

            @Schema(minimum = "-" + SortOrder.MAX, maximum = "" + SortOrder.MAX, example = "3")
            Patch<Integer> order,

            @Schema(description = "At most one tag of the group per contact.", example = "true")
            Patch<Boolean> exclusive) {}

    /** Every group with its tags, in one page: an organization has at most a few thousand tags. */
    @GetMapping
    CursorPage<TagGroup> list(Actor actor) {
        return new CursorPage<>(tags.listCounted(actor), null);
    }

    @ProblemResponse(
            status = 409,
            description = "A tag group of this name exists already.",
            types = "tag-group-name-taken")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<TagGroup> create(Actor actor, @RequestBody CreateTagGroupRequest request) {
        TagGroup created = tags.createGroup(
                actor, request.name(), request.color(), request.order(), Boolean.TRUE.equals(request.exclusive()));
        return ETags.created("/api/v1/tag-groups/" + created.id(), created, created.version());
    }

    @GetMapping("/{id}")
    ResponseEntity<TagGroup> get(Actor actor, @PathVariable UUID id) {
        TagGroup group = tags.group(actor, id);
        return ETags.ok(group, group.version());
    }

    @ProblemResponse(
            status = 409,
            description = "A tag group of this name exists already.",
            types = "tag-group-name-taken")
    @ProblemResponse(
            status = 422,
            description = "The group cannot become exclusive while contacts carry several of its tags.",
            types = "tag-group-not-exclusive")
    @PatchMapping(
            path = "/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<TagGroup> update(
            Actor actor,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody TagGroupPatch body) {
        TagGroup changed = tags.updateGroup(actor, id, Patch.fields(body), ETags.expected(ifMatch));
        return ETags.ok(changed, changed.version());
    }

    /** Deletes the group with its tags; contacts lose those tags, which their timelines record. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            Actor actor,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        tags.deleteGroup(actor, id, ETags.expected(ifMatch));
        return ETags.deleted();
    }

    @ProblemResponse(status = 409, description = "The group has a tag of this name already.", types = "tag-name-taken")
    @ProblemResponse(status = 422, description = "The organization has the most tags it may have.", types = "tag-limit")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{id}/tags")
    ResponseEntity<Tag> createTag(Actor actor, @PathVariable UUID id, @RequestBody CreateTagRequest request) {
        Tag created = tags.createTag(actor, id, request.name(), request.order());
        return ETags.created("/api/v1/tags/" + created.id(), created, created.version());
    }
}
