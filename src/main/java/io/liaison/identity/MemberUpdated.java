package io.liaison.identity;

import io.liaison.shared.AuditableEvent;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A member's profile, role or departments changed; only the changed fields, a new password only as {@code "changed"}. */
public record MemberUpdated(
        UUID orgId,
        @Nullable UUID actorId,
        UUID memberId,
        Map<String, @Nullable Object> changedBefore,
        Map<String, @Nullable Object> changedAfter)
        implements AuditableEvent {

    @Override
    public String action() {
        return "member.updated";
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
        return changedBefore;
    }

    @Override
    public Map<String, @Nullable Object> after() {
        return changedAfter;
    }
}
