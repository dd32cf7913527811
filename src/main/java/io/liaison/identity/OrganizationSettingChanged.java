package io.liaison.identity;

import io.liaison.shared.AuditableEvent;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An administrator changed a setting of the organization, such as masking of contact details. */
public record OrganizationSettingChanged(
        UUID orgId, @Nullable UUID actorId, Map<String, @Nullable Object> before, Map<String, @Nullable Object> after)
        implements AuditableEvent {

    @Override
    public String action() {
        return "organization.settings-changed";
    }

    @Override
    public String targetType() {
        return "organization";
    }

    @Override
    public UUID targetId() {
        return orgId;
    }
}
