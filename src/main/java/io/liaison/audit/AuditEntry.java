package io.liaison.audit;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One row of the audit log as an administrator reads it. {@code actorName} is the actor's name when
 * it happened, {@code null} for the system and for a member no longer known; {@code names} names the
 * records the entry mentions, by id, as they were named then.
 */
public record AuditEntry(
        UUID id,
        OffsetDateTime at,
        @Nullable UUID actorId,
        @Nullable String actorName,
        String action,
        String targetType,
        UUID targetId,
        Map<String, @Nullable Object> before,
        Map<String, @Nullable Object> after,
        Map<String, String> names) {}
