package io.liaison.push.core;

import io.liaison.push.audience.Audience;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A push as it is stored: what it says, whom it reaches, and where it is. */
public record Push(
        UUID id,
        String name,
        UUID createdBy,
        String createdByName,
        @Nullable UUID templateId,
        String subject,
        String body,
        Audience audience,
        String state,
        Instant scheduledAt,
        int audienceSize,
        @Nullable UUID approvedBy,
        @Nullable Instant approvedAt,
        @Nullable UUID cancelledBy,
        @Nullable Instant cancelledAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable String endedReason,
        Instant createdAt,
        int version) {

    public static final String AWAITING_APPROVAL = "awaiting_approval";
    public static final String SCHEDULED = "scheduled";
    public static final String SENDING = "sending";
    public static final String DONE = "done";
    public static final String CANCELLED = "cancelled";

    public boolean open() {
        return state.equals(AWAITING_APPROVAL) || state.equals(SCHEDULED) || state.equals(SENDING);
    }
}
