package io.liaison.review.api;

import io.liaison.review.handover.HandOver;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A hand-over as the API shows it: who to whom, what, and how far it got. */
record HandOverResponse(
        UUID id,
        UUID fromMemberId,
        @Schema(example = "李娜") String fromMemberName,
        UUID toMemberId,
        @Schema(example = "王芳") String toMemberName,

        @ArraySchema(schema = @Schema(allowableValues = {"contacts", "conversations", "tasks"}))
        List<String> include,

        @Schema(
                description = "running, done, or failed (the administrator who started it can no longer act)",
                allowableValues = {"running", "done", "failed"})
        String status,

        @Schema(description = "How far it got, 0 to 100", example = "40")
        int percent,

        @Schema(description = "The contacts it set out to hand over", example = "1200")
        int planned,

        @Schema(description = "Contacts handed over so far", example = "480")
        int contacts,

        @Schema(description = "Groups handed over so far", example = "3")
        int conversations,

        @Schema(description = "Open tasks handed over so far", example = "12")
        int tasks,

        @Schema(description = "Messages queued to contacts so far", example = "450")
        int messages,

        OffsetDateTime createdAt,
        @Nullable OffsetDateTime finishedAt) {

    static HandOverResponse of(HandOver h, Map<UUID, String> names) {
        String status = h.phase().equals("failed") ? "failed" : h.finished() ? "done" : "running";
        return new HandOverResponse(
                h.id(),
                h.fromMember(),
                names.getOrDefault(h.fromMember(), ""),
                h.toMember(),
                names.getOrDefault(h.toMember(), ""),
                h.include(),
                status,
                h.percent(),
                h.planned(),
                h.contacts(),
                h.conversations(),
                h.tasks(),
                h.messages(),
                h.createdAt(),
                h.finishedAt());
    }
}
