package io.liaison.identity;

import io.liaison.shared.AuditableEvent;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A new organization exists, with its administrator; published inside the creating transaction and
 * audited in the new organization. {@code actorId} is the system administrator, or {@code null} on
 * the first start, when nobody acts.
 */
public record OrganizationCreated(
        UUID orgId, String locale, UUID adminId, @Nullable UUID actorId, String name, String code, String adminLogin)
        implements AuditableEvent {

    @Override
    public String action() {
        return "organization.created";
    }

    @Override
    public String targetType() {
        return "organization";
    }

    @Override
    public UUID targetId() {
        return orgId;
    }

    @Override
    public Map<String, @Nullable Object> before() {
        return Map.of();
    }

    @Override
    public Map<String, @Nullable Object> after() {
        return Map.of("name", name, "code", code, "locale", locale, "adminId", adminId, "adminLogin", adminLogin);
    }
}
