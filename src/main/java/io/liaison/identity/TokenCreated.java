package io.liaison.identity;

import io.liaison.shared.AuditableEvent;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A member created an API token; only its name is recorded, never the secret. */
public record TokenCreated(UUID orgId, @Nullable UUID actorId, UUID tokenId, String name) implements AuditableEvent {

    @Override
    public String action() {
        return "token.created";
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
        return Map.of();
    }

    @Override
    public Map<String, @Nullable Object> after() {
        return Map.of("name", name);
    }
}
