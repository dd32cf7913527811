package io.liaison.audit.api;

import io.liaison.audit.AuditEntry;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An audit event as the API shows it. */
record AuditEventResponse(
        UUID id,
        OffsetDateTime at,
        @Nullable UUID actorId,
        @Schema(example = "王芳") @Nullable String actorName,
        @Schema(example = "updated") String action,
        @Schema(example = "contact") String targetType,
        UUID targetId,
        Map<String, @Nullable Object> before,
        Map<String, @Nullable Object> after) {

    static AuditEventResponse of(AuditEntry e) {
        return new AuditEventResponse(
                e.id(),
                e.at(),
                e.actorId(),
                e.actorName(),
                e.action(),
                e.targetType(),
                e.targetId(),
                e.before(),
                e.after());
    }
}
