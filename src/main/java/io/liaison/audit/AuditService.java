package io.liaison.audit;

import io.liaison.access.Masking;
import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.Times;
import io.liaison.shared.Validation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit log of the actor's organization; only administrators may. */
@Service
public class AuditService {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_.-]{0,99}");

    /** The longest name the filter takes: as long as the longest name of a record. */
    static final int MAX_NAME = 100;

    private final AuditRepository entries;

    AuditService(AuditRepository entries) {
        this.entries = entries;
    }

    /** A page of the log, newest first; {@code cursor} is the {@code nextCursor} of the page before. */
    @Transactional(readOnly = true)
    public CursorPage<AuditEntry> list(Actor actor, AuditQuery query, @Nullable String cursor, int limit) {
        requireAuditReader(actor);
        validate(query);
        List<AuditRepository.Row> rows = entries.page(actor.orgId(), query, decode(cursor), limit + 1);
        boolean more = rows.size() > limit;
        List<AuditRepository.Row> page = more ? rows.subList(0, limit) : rows;
        List<AuditEntry> items = new ArrayList<>();
        for (AuditRepository.Row row : page) {
            String name =
                    row.actorId() == null ? null : row.names().get(row.actorId().toString());
            items.add(new AuditEntry(
                    row.id(),
                    row.at(),
                    row.actorId(),
                    name,
                    row.action(),
                    row.targetType(),
                    row.targetId(),
                    masked(actor, row, row.before()),
                    masked(actor, row, row.after()),
                    row.names()));
        }
        AuditRepository.Row last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new CursorPage<>(List.copyOf(items), more && last != null ? encode(last) : null);
    }

    /** The actions recorded in the organization's log, for a filter. */
    @Transactional(readOnly = true)
    public List<String> actions(Actor actor) {
        requireAuditReader(actor);
        return entries.actions(actor.orgId());
    }

    /**
     * A contact's mobile, phones and e-mails stay masked in the log too, unless the organization
     * turned masking off: reading the log is no way around an audited reveal.
     */
    private static Map<String, @Nullable Object> masked(
            Actor actor, AuditRepository.Row row, Map<String, @Nullable Object> values) {
        return actor.maskContactDetails() && row.targetType().equals("contact") ? Masking.details(values) : values;
    }

    private static void validate(AuditQuery query) {
        Validation v = new Validation();
        if (query.action() != null && !NAME.matcher(query.action()).matches()) {
            v.reject("action", "invalid.audit-action");
        }
        if (query.targetName() != null && query.targetName().length() > MAX_NAME) {
            v.reject("targetName", "invalid.length", 1, MAX_NAME);
        }
        if (query.actorName() != null && query.actorName().length() > MAX_NAME) {
            v.reject("actor", "invalid.length", 1, MAX_NAME);
        }
        if (query.targetType() != null && !NAME.matcher(query.targetType()).matches()) {
            v.reject("targetType", "invalid.audit-target");
        }
        if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
            v.reject("to", "invalid.later-than-from");
        }
        v.throwIfInvalid();
    }

    private static String encode(AuditRepository.Row row) {
        return CursorPage.encode(row.at().toInstant().toString(), row.id().toString());
    }

    private static AuditRepository.@Nullable Position decode(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        List<String> parts = CursorPage.parts(cursor, 2);
        try {
            if (parts.isEmpty()) {
                throw new IllegalArgumentException(cursor);
            }
            OffsetDateTime at = Instant.parse(parts.get(0)).atOffset(ZoneOffset.UTC);
            if (!Times.storable(at)) {
                throw new IllegalArgumentException(cursor);
            }
            return new AuditRepository.Position(at, UUID.fromString(parts.get(1)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw LiaisonException.invalid("cursor", "invalid.cursor");
        }
    }

    private static void requireAuditReader(Actor actor) {
        if (!actor.can(AuditPermissions.READ)) {
            throw LiaisonException.forbidden("forbidden.read-the-audit-log");
        }
    }
}
