package io.liaison.integration.api;

import io.liaison.channel.DeliveryRecord;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One delivery of a webhook endpoint's log: what was sent, what the receiver answered, and why it ended so. */
record WebhookDeliveryResponse(
        @Schema(example = "0190a5d2-0000-7000-8000-0000000000d1")
        UUID id,

        @Schema(
                allowableValues = {"queued", "sending", "sent", "failed", "skipped"},
                example = "sent")
        String state,

        @Schema(example = "1") int attempts,
        Instant createdAt,
        @Nullable Instant lastAttemptAt,

        @Schema(description = "When it is tried again; null once it has ended.") @Nullable
        Instant nextAttemptAt,

        @Schema(
                description = "The webhook-id header: the same on every retry and redelivery.",
                maxLength = 100,
                example = "msg_3f2a9c0d1b7e4a5f8c6d2e1f0a9b8c7d")
        String messageId,

        @Schema(description = "The request as sent (secrets replaced by ***).", maxLength = 70_000) @Nullable
        String request,

        @Schema(description = "The receiver's status and body.", maxLength = 10_000, example = "200 {\"ok\":true}")
        @Nullable
        String response,

        @Schema(
                description = "Why it failed or was skipped, in the caller's language.",
                maxLength = 1000,
                example = "The address is not allowed: it is a loopback or private address.")
        @Nullable
        String reason,

        @Schema(description = "A redelivery: the delivery it repeats.") @Nullable
        UUID redeliveryOf) {

    static WebhookDeliveryResponse of(DeliveryRecord d, @Nullable String reason) {
        return new WebhookDeliveryResponse(
                d.id(),
                d.state(),
                d.attempts(),
                d.createdAt(),
                d.lastAttemptAt(),
                d.nextAttemptAt(),
                d.messageId(),
                d.request(),
                d.answer(),
                reason,
                d.redeliveryOf());
    }
}
