package io.liaison.audit;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the audit log is narrowed to; {@code null} leaves a filter out. The time range includes
 * {@code from} and excludes {@code to}; {@code targetName} finds the entries about every record
 * whose name, at the time of any of its entries, contains it, and {@code actorName} the entries of
 * every member who acted under a name containing it.
 */
public record AuditQuery(
        @Nullable UUID actorId,
        @Nullable String actorName,
        @Nullable String targetType,
        @Nullable UUID targetId,
        @Nullable String targetName,
        @Nullable String action,
        @Nullable OffsetDateTime from,
        @Nullable OffsetDateTime to) {}
