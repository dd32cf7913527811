package io.liaison.push.api;

import io.liaison.contact.ContactFilterBody;
import io.liaison.push.core.Push;
import io.liaison.push.core.PushProgress;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A push as the API shows it, with its recipients counted by state. */
record PushResponse(
        UUID id,
        String name,

        @Schema(allowableValues = {"awaiting_approval", "scheduled", "sending", "done", "cancelled"})
        String state,

        String subject,
        String body,
        @Nullable UUID templateId,
        AudienceView audience,
        Instant scheduledAt,

        @Schema(description = "The recipients counted when it was made, then when it began to send")
        int audienceSize,

        @Schema(description = "Recipients by state: queued, sending, sent, delivered, failed, skipped")
        Map<String, Integer> counts,

        UUID createdBy,
        String createdByName,
        @Nullable UUID approvedBy,
        @Nullable Instant approvedAt,
        @Nullable UUID cancelledBy,
        @Nullable Instant cancelledAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,

        @Schema(description = "Why it ended without sending everything: sender-inactive, failed") @Nullable
        String endedReason,

        Instant createdAt) {

    record AudienceView(
            @Nullable ContactFilterBody filter,
            List<UUID> contactIds,
            List<UUID> conversationIds,

            @Schema(example = "[\"01934f3e-8c1a-7b2d-9e4f-0a1b2c3d4e5f\"]")
            List<UUID> channelIds) {}

    static PushResponse of(PushProgress progress) {
        Push p = progress.push();
        return new PushResponse(
                p.id(),
                p.name(),
                p.state(),
                p.subject(),
                p.body(),
                p.templateId(),
                new AudienceView(
                        p.audience().filter() == null
                                ? null
                                : ContactFilterBody.of(p.audience().filter()),
                        p.audience().contactIds(),
                        p.audience().conversationIds(),
                        p.audience().channelIds()),
                p.scheduledAt(),
                p.audienceSize(),
                progress.counts(),
                p.createdBy(),
                p.createdByName(),
                p.approvedBy(),
                p.approvedAt(),
                p.cancelledBy(),
                p.cancelledAt(),
                p.startedAt(),
                p.finishedAt(),
                p.endedReason(),
                p.createdAt());
    }
}
