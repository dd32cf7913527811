package io.liaison.review;

import io.liaison.shared.AuditableEvent;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A hand-over finished: {@code actorId} handed what {@code memberId} held to {@code toMemberId}, so
 * many contacts, groups and tasks, and so many messages queued to the contacts.
 */
public record HandedOver(
        UUID orgId,
        @Nullable UUID actorId,
        UUID memberId,
        UUID toMemberId,
        UUID handOverId,
        int contacts,
        int conversations,
        int tasks,
        int messages)
        implements AuditableEvent {

    @Override
    public String action() {
        return "review.handed-over";
    }

    @Override
    public String targetType() {
        return "member";
    }

    @Override
    public UUID targetId() {
        return memberId;
    }

    @Override
    public Map<String, @Nullable Object> before() {
        return Map.of();
    }

    @Override
    public Map<String, @Nullable Object> after() {
        return Map.of(
                "toMemberId", toMemberId.toString(),
                "handOverId", handOverId.toString(),
                "contacts", contacts,
                "conversations", conversations,
                "tasks", tasks,
                "messages", messages);
    }
}
