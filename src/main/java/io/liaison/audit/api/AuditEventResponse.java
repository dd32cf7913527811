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
        Map<String, @Nullable Object> after,

        @Schema(
                description =
                        "The names of the actor, the target and the records the values mention, by id, as they were when it happened",
                example = "{\"0190a2c4-5b6e-7c8d-9e0f-1a2b3c4d5e6f\": \"王芳\"}")
        Map<String, String> names) {

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
                e.after(),
                e.names());
    }
}
