package io.liaison.integration.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.identity.Actor;
import io.liaison.integration.ExportJob;
import io.liaison.integration.ExportService;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.Downloads;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Exports started from the contact list, with the list's search, owner and tag filters: a status
 * line that follows the job, then a download link.
 */
@Controller
@RequestMapping("/contacts/export")
class ExportPages {

    private final ExportService exports;

    ExportPages(ExportService exports) {
        this.exports = exports;
    }

    @HxRequest
    @PostMapping
    String start(
            Actor actor,
            @RequestParam String format,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String owner,
            @RequestParam(required = false) @Nullable List<String> tagId,
            @RequestParam(required = false) @Nullable String tagMode,
            @RequestParam(required = false) @Nullable String contactedAfter,
            @RequestParam(required = false) @Nullable String field,
            @RequestParam(required = false) @Nullable String fieldValue,
            Model model) {
        Map<String, @Nullable Object> filter = new LinkedHashMap<>();
        if (q != null && !q.isBlank()) {
            filter.put("q", q.strip());
        }
        if (owner != null && !owner.isBlank()) {
            filter.put("ownerId", owner);
        }
        if (tagId != null && !tagId.isEmpty()) {
            filter.put("tagIds", tagId);
            filter.put("tagMode", "any".equals(tagMode) ? "any" : "all");
        }
        if (contactedAfter != null && !contactedAfter.isBlank()) {
            filter.put(
                    "lastContactedAfter",
                    day("contactedAfter", contactedAfter)
                            .atStartOfDay(actor.timeZone())
                            .toOffsetDateTime()
                            .toString());
        }
        if (field != null && !field.isBlank() && fieldValue != null && !fieldValue.isBlank()) {
            filter.put("customFields", Map.of(field.strip(), fieldValue));
        }
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("format", format);
        body.put("filter", filter);
        model.addAttribute("export", exports.start(actor, body));
        return "integration/export :: status";
    }

    @HxRequest
    @GetMapping("/{id}")
    String status(Actor actor, @PathVariable UUID id, Model model) {
        model.addAttribute("export", exports.get(actor, id));
        return "integration/export :: status";
    }

    @GetMapping("/{id}/file")
    ResponseEntity<Resource> file(Actor actor, @PathVariable UUID id) {
        ExportJob job = exports.get(actor, id);
        return Downloads.attachment(
                job.mediaType(),
                job.fileName(actor.organizationTimeZone()),
                new FileSystemResource(exports.file(actor, id)));
    }

    private static LocalDate day(String name, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw LiaisonException.invalid(name, "invalid.date");
        }
    }
}
