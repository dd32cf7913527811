package io.liaison.audit.api;

import io.liaison.audit.AuditQuery;
import io.liaison.audit.AuditService;
import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.Times;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The organization's audit log, newest first, for administrators. */
@RestController
@RequestMapping("/api/v1/audit-events")
class AuditEventController {

    private final AuditService audit;

    AuditEventController(AuditService audit) {
        this.audit = audit;
    }

    /**
     * {@code from} and {@code to} are RFC 3339 times; the range includes {@code from} and excludes
     * {@code to}. {@code targetName} finds the events of every record that had a name containing it.
     */
    @GetMapping
    CursorPage<AuditEventResponse> list(
            Actor actor,
            @RequestParam(required = false) @Nullable UUID actorId,
            @RequestParam(required = false) @Nullable String targetType,
            @RequestParam(required = false) @Nullable UUID targetId,
            @RequestParam(required = false) @Nullable String targetName,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        AuditQuery query = new AuditQuery(
                actorId,
                null,
                blankToNull(targetType),
                targetId,
                blankToNull(targetName),
                blankToNull(action),
                time("from", from),
                time("to", to));
        return audit.list(actor, query, cursor, CursorPage.limit(limit)).map(AuditEventResponse::of);
    }

    private static @Nullable OffsetDateTime time(String parameter, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Times.checked(parameter, OffsetDateTime.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw LiaisonException.invalid(parameter, "invalid.time-with-offset");
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
