package io.liaison.identity;

import io.liaison.shared.AuditableEvent;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An administrator created a member; {@code after} holds the new member's profile, never the password. */
public record MemberCreated(UUID orgId, @Nullable UUID actorId, UUID memberId, Map<String, @Nullable Object> values)
        implements AuditableEvent {

    @Override
    public String action() {
        return "member.created";
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
        return values;
    }
}
