package io.liaison.contact.api;

import io.liaison.contact.CustomField;
import io.liaison.contact.field.CustomFieldService;
import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import io.liaison.shared.web.ETags;
import io.liaison.shared.web.ProblemResponse;
import java.net.URI;
import java.util.List;
import java.util.Map;
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
@RequestMapping("/api/v1/custom-fields")
class CustomFieldController {

    private final CustomFieldService fields;

    CustomFieldController(CustomFieldService fields) {
        this.fields = fields;
    }

    record CreateCustomFieldRequest(
            @Nullable String key,
            @Nullable String label,
            @Nullable String type,
            @Nullable List<String> options,
            @Nullable Boolean required,
            @Nullable Integer order) {}

    /** Every field in one page: an organization has at most 100. */
    @GetMapping
    CursorPage<CustomField> list(Actor actor) {
        return new CursorPage<>(fields.list(actor), null);
    }

    @ProblemResponse(status = 409, description = "A custom field with this key exists already.")
    @ProblemResponse(status = 422, description = "The organization has the most custom fields it may have.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<CustomField> create(Actor actor, @RequestBody CreateCustomFieldRequest request) {
        CustomField created = fields.create(
                actor,
                new CustomFieldService.NewCustomField(
                        request.key(),
                        request.label(),
                        request.type(),
                        request.options(),
                        Boolean.TRUE.equals(request.required()),
                        request.order()));
        return ResponseEntity.created(URI.create("/api/v1/custom-fields/" + created.id()))
                .eTag(ETags.of(created.version()))
                .body(created);
    }

    @GetMapping("/{id}")
    ResponseEntity<CustomField> get(Actor actor, @PathVariable UUID id) {
        CustomField field = fields.get(actor, id);
        return ResponseEntity.ok().eTag(ETags.of(field.version())).body(field);
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<CustomField> update(
            Actor actor,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody Map<String, @Nullable Object> body) {
        CustomField changed = fields.update(actor, id, body, ETags.expected(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(changed);
    }

    /** Deletes the field and removes its value from every contact. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            Actor actor,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        fields.delete(actor, id, ETags.expected(ifMatch));
        return ResponseEntity.noContent().build();
    }
}
