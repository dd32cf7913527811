package io.liaison.contact.api;

import io.liaison.contact.CustomField;
import io.liaison.contact.field.CustomFieldService;
import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import io.liaison.shared.SortOrder;
import io.liaison.shared.web.ETags;
import io.liaison.shared.web.KnownFieldsOnly;
import io.liaison.shared.web.Patch;
import io.liaison.shared.web.ProblemResponse;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
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
            @Schema(pattern = CustomFieldService.KEY_PATTERN, example = "industry")
            String key,

            @Schema(maxLength = CustomFieldService.MAX_LABEL, example = "行业")
            String label,

            @Schema(
                    allowableValues = {
                        CustomField.TEXT,
                        CustomField.NUMBER,
                        CustomField.DATE,
                        CustomField.SELECT,
                        CustomField.MULTISELECT
                    },
                    example = CustomField.SELECT)
            String type,

            @ArraySchema(
                    maxItems = CustomFieldService.MAX_OPTIONS,
                    schema = @Schema(maxLength = CustomFieldService.MAX_LABEL, example = "零售"))
            @Nullable
            List<String> options,

            @Nullable Boolean required,
            @Nullable Integer order) {}

    /**
     * A change to a custom field (JSON Merge Patch): a field left out stays as it is; {@code key}
     * and {@code type} may only repeat their current values.
     */
    @KnownFieldsOnly
    record CustomFieldPatch(
            @Schema(maxLength = CustomFieldService.MAX_LABEL, example = "Industry")
            Patch<String> label,

            @ArraySchema(
                    maxItems = CustomFieldService.MAX_OPTIONS,
                    schema = @Schema(maxLength = CustomFieldService.MAX_LABEL, example = "retail"))
            Patch<@Nullable List<String>> options,

            @Schema(example = "false") Patch<Boolean> required,

            @Schema(minimum = "-" + SortOrder.MAX, maximum = "" + SortOrder.MAX, example = "3")
            Patch<@Nullable Integer> order,

            @Schema(
                    description = "Cannot change: only the current key is accepted.",
                    pattern = CustomFieldService.KEY_PATTERN,
                    example = "industry")
            Patch<@Nullable String> key,

            @Schema(
                    description = "Cannot change: only the current type is accepted.",
                    allowableValues = {
                        CustomField.TEXT,
                        CustomField.NUMBER,
                        CustomField.DATE,
                        CustomField.SELECT,
                        CustomField.MULTISELECT
                    })
            Patch<@Nullable String> type) {}

    /** Every field in one page: an organization has at most 100. */
    @GetMapping
    CursorPage<CustomField> list(Actor actor) {
        return new CursorPage<>(fields.list(actor), null);
    }

    @ProblemResponse(
            status = 409,
            description = "A custom field with this key exists already.",
            types = "custom-field-key-taken")
    @ProblemResponse(
            status = 422,
            description = "The organization has the most custom fields it may have.",
            types = "custom-field-limit")
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
        return ETags.created("/api/v1/custom-fields/" + created.id(), created, created.version());
    }

    @GetMapping("/{id}")
    ResponseEntity<CustomField> get(Actor actor, @PathVariable UUID id) {
        CustomField field = fields.get(actor, id);
        return ETags.ok(field, field.version());
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<CustomField> update(
            Actor actor,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody CustomFieldPatch body) {
        CustomField changed = fields.update(actor, id, Patch.fields(body), ETags.expected(ifMatch));
        return ETags.ok(changed, changed.version());
    }

    /** Deletes the field and removes its value from every contact. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            Actor actor,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        fields.delete(actor, id, ETags.expected(ifMatch));
        return ETags.deleted();
    }
}
