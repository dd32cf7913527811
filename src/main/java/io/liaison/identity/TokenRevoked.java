package io.liaison.identity;

import io.liaison.shared.AuditableEvent;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A member revoked one of their API tokens. */
public record TokenRevoked(UUID orgId, @Nullable UUID actorId, UUID tokenId, String name) implements AuditableEvent {

    @Override
    public String action() {
        return "token.revoked";
    }

    @Override
    public String targetType() {
        return "token";
    }

    @Override
    public UUID targetId() {
        return tokenId;
    }

    @Override
    public Map<String, @Nullable Object> before() {
        return Map.of("name", name);
    }

    @Override
    public Map<String, @Nullable Object> after() {
        return Map.of();
    }
}
