package io.liaison.contact.api;

import io.liaison.contact.Contact;
import io.liaison.contact.ContactLimits;
import io.liaison.contact.ContactService;
import io.liaison.identity.Actor;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.ETags;
import io.liaison.shared.web.ProblemResponse;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tags of one contact: set them all, add some, or remove one. */
@RestController
@RequestMapping("/api/v1/contacts/{id}/tags")
class ContactTagController {

    private final ContactService contacts;

    ContactTagController(ContactService contacts) {
        this.contacts = contacts;
    }

    record TagIds(
            @ArraySchema(
                    maxItems = ContactLimits.TAGS,
                    arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED),
                    schema = @Schema(example = "0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b"))
            @Nullable
            List<UUID> tagIds) {

        List<UUID> required() {
            if (tagIds == null) {
                throw LiaisonException.invalid("tagIds", "invalid.required");
            }
            return tagIds;
        }
    }

    @ProblemResponse(status = 422, description = "Two tags of one exclusive group.", types = "tag-group-exclusive")
    @PutMapping
    ResponseEntity<ContactResponse> set(
            Actor actor,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody TagIds request) {
        return save(actor, id, ETags.expected(ifMatch), request.required());
    }

    @ProblemResponse(status = 422, description = "Two tags of one exclusive group.", types = "tag-group-exclusive")
    @PostMapping
    ResponseEntity<ContactResponse> add(Actor actor, @PathVariable UUID id, @RequestBody TagIds request) {
        // The version read here guards the read-modify-write against a concurrent change (412).
        Contact current = contacts.get(actor, id);
        LinkedHashSet<UUID> tags = new LinkedHashSet<>(current.fields().tagIds());
        tags.addAll(request.required());
        return save(actor, id, current.version(), List.copyOf(tags));
    }

    @DeleteMapping
    ResponseEntity<ContactResponse> remove(Actor actor, @PathVariable UUID id, @RequestParam UUID tagId) {
        Contact current = contacts.get(actor, id);
        LinkedHashSet<UUID> tags = new LinkedHashSet<>(current.fields().tagIds());
        tags.remove(tagId);
        return save(actor, id, current.version(), List.copyOf(tags));
    }

    private ResponseEntity<ContactResponse> save(Actor actor, UUID id, @Nullable Long version, List<UUID> tagIds) {
        Map<String, @Nullable Object> body =
                Map.of("tagIds", tagIds.stream().map(UUID::toString).toList());
        Contact saved = contacts.update(actor, id, body, version, true);
        return ETags.ok(ContactResponse.of(saved), saved.version());
    }
}
