package io.liaison.push.template.api;

import io.liaison.identity.Actor;
import io.liaison.push.template.PushTemplate;
import io.liaison.push.template.PushTemplates;
import io.liaison.shared.CursorPage;
import io.liaison.shared.MergePatch;
import io.liaison.shared.web.ETags;
import io.liaison.shared.web.KnownFieldsOnly;
import io.liaison.shared.web.Patch;
import io.liaison.shared.web.ProblemResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
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
 * Saved push templates, for those who may send pushes. Their variables: {@code {{name}}}, {@code
 * {{company}}}, {@code {{title}}}, {@code {{owner.name}}} and {@code {{field.<key>}}}, each with an
 * optional fallback ({@code {{name|朋友}}}).
 */
@RestController
@RequestMapping("/api/v1/push-templates")
class PushTemplateController {

    private final PushTemplates templates;

    PushTemplateController(PushTemplates templates) {
        this.templates = templates;
    }

    record TemplateRequest(
            @Schema(maxLength = PushTemplates.MAX_NAME, example = "新品发布") @Nullable
            String name,

            @Schema(maxLength = PushTemplates.MAX_SUBJECT, example = "{{name|朋友}}，新品上市") @Nullable
            String subject,

            @Schema(
                    description = "Markdown with variables; at most 100 variables.",
                    maxLength = PushTemplates.MAX_BODY,
                    example = "**{{name}}** 你好：\\n\\n{{company}} 的专属优惠已开放。")
            @Nullable
            String body) {}

    /** A change to a template (JSON Merge Patch): a field left out stays as it is. */
    @KnownFieldsOnly
    record TemplatePatch(
            @Schema(maxLength = PushTemplates.MAX_NAME, example = "新品发布")
            Patch<String> name,

            @Schema(maxLength = PushTemplates.MAX_SUBJECT, example = "{{name|朋友}}，新品上市")
            Patch<String> subject,

            @Schema(maxLength = PushTemplates.MAX_BODY, example = "你好 {{name}}")
            Patch<String> body) {}

    record Author(UUID id, @Schema(example = "王经理") String name) {}

    record TemplateResponse(
            UUID id,
            @Schema(example = "新品发布") String name,
            @Schema(example = "{{name|朋友}}，新品上市") String subject,

            @Schema(example = "**{{name}}** 你好：\n\n{{company}} 的专属优惠已开放。")
            String body,

            Author createdBy,
            Instant createdAt,
            Instant updatedAt,
            long version) {

        static TemplateResponse of(PushTemplate t) {
            return new TemplateResponse(
                    t.id(),
                    t.name(),
                    t.subject(),
                    t.body(),
                    new Author(t.createdBy(), t.createdByName()),
                    t.createdAt(),
                    t.updatedAt(),
                    t.version());
        }
    }

    /** The templates, newest first; {@code q} keeps those whose name holds it. */
    @GetMapping
    CursorPage<TemplateResponse> list(
            Actor actor,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return templates.list(actor, q, cursor, limit).map(TemplateResponse::of);
    }

    @ProblemResponse(
            status = 409,
            description = "A template of this name exists already.",
            types = "push-template-name-taken")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<TemplateResponse> create(Actor actor, @RequestBody TemplateRequest body) {
        PushTemplate created = templates.create(actor, new MergePatch(Patch.fields(body), PushTemplates.FIELDS));
        return ETags.created("/api/v1/push-templates/" + created.id(), TemplateResponse.of(created), created.version());
    }

    @GetMapping("/{id}")
    ResponseEntity<TemplateResponse> get(Actor actor, @PathVariable UUID id) {
        PushTemplate template = templates.get(actor, id);
        return ETags.ok(TemplateResponse.of(template), template.version());
    }

    @ProblemResponse(
            status = 409,
            description = "A template of this name exists already.",
            types = "push-template-name-taken")
    @PatchMapping(
            path = "/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<TemplateResponse> update(
            Actor actor,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody TemplatePatch body) {
        PushTemplate changed = templates.update(
                actor, id, new MergePatch(Patch.fields(body), PushTemplates.FIELDS), ETags.expected(ifMatch));
        return ETags.ok(TemplateResponse.of(changed), changed.version());
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            Actor actor,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        templates.delete(actor, id, ETags.expected(ifMatch));
        return ETags.deleted();
    }
}
