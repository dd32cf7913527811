package io.liaison.integration;

import io.liaison.shared.AuditableEvent;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A member allowed a webhook endpoint to receive contacts' full details (mobile, phones and e-mails
 * unmasked): from then on they leave the organization with every change, so it is audited.
 */
public record WebhookFullDetailsGranted(
        UUID orgId, @Nullable UUID actorId, UUID endpointId) implements AuditableEvent {

    @Override
    public String action() {
        return "webhook.full-details-granted";
    }

    @Override
    public String targetType() {
        return "webhook";
    }

    @Override
    public UUID targetId() {
        return endpointId;
    }

    @Override
    public Map<String, @Nullable Object> before() {
        return Map.of("fullDetails", false);
    }

    @Override
    public Map<String, @Nullable Object> after() {
        return Map.of("fullDetails", true);
    }
}
