package io.liaison.push;

import io.liaison.shared.AuditableEvent;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A member with {@code push.approve} changed the organization's push settings (caps, approval, quiet hours). */
public record PushSettingsChanged(
        UUID orgId, UUID actorId, Map<String, @Nullable Object> before, Map<String, @Nullable Object> after)
        implements AuditableEvent {

    @Override
    public String action() {
        return "push.settings-changed";
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
