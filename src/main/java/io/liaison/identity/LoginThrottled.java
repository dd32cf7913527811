package io.liaison.identity;

import io.liaison.shared.AuditableEvent;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Clients without a device cookie of the member failed {@code failures} times to log in as the member,
 * so that all of them are now slowed down: likely someone guessing the password. Published once when
 * the limit is crossed, not for every attempt.
 */
public record LoginThrottled(UUID orgId, UUID memberId, String login, int failures, String lastAddress)
        implements AuditableEvent {

    @Override
    public @Nullable UUID actorId() {
        return null;
    }

    @Override
    public String action() {
        return "member.login-throttled";
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
        return Map.of("login", login, "failures", failures, "lastAddress", lastAddress);
    }
}
