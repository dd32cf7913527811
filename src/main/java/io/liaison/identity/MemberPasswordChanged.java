package io.liaison.identity;

import io.liaison.shared.AuditableEvent;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A member changed their own password; the event carries no value of it. */
public record MemberPasswordChanged(UUID orgId, @Nullable UUID actorId, UUID memberId) implements AuditableEvent {

    @Override
    public String action() {
        return "member.password-changed";
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
        return Map.of();
    }
}
