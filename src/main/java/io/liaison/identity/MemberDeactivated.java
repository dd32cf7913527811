package io.liaison.identity;

import io.liaison.shared.AuditableEvent;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An administrator deactivated a member, who can no longer log in. */
public record MemberDeactivated(UUID orgId, @Nullable UUID actorId, UUID memberId, boolean wasActive)
        implements AuditableEvent {

    @Override
    public String action() {
        return "member.deactivated";
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
        return Map.of("active", wasActive);
    }

    @Override
    public Map<String, @Nullable Object> after() {
        return Map.of("active", false);
    }
}
