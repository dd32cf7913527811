package io.liaison.audit;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the audit log is narrowed to; {@code null} leaves a filter out. The time range includes
 * {@code from} and excludes {@code to}.
 */
public record AuditQuery(
        @Nullable UUID actorId,
        @Nullable String targetType,
        @Nullable UUID targetId,
        @Nullable String action,
        @Nullable OffsetDateTime from,
        @Nullable OffsetDateTime to) {}
