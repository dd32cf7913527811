package io.liaison.channel;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One delivery to a channel as the module that queued it follows it.
 *
 * @param state {@code queued}, {@code sending}, {@code sent}, {@code failed} or {@code skipped}
 * @param messageId the webhook's {@code webhook-id}: the same on each retry and redelivery
 * @param request what was sent, every secret replaced by {@code ***}
 * @param answer the receiver's answer (status and body)
 * @param reason the stored reason it was not sent (see {@code StoredMessages}); {@code null} when sent
 * @param redeliveryOf the delivery this one sends again
 * @param cursor to page on from this row (older rows)
 */
public record DeliveryRecord(
        UUID id,
        UUID channelId,
        String state,
        int attempts,
        Instant createdAt,
        @Nullable Instant lastAttemptAt,
        @Nullable Instant nextAttemptAt,
        String messageId,
        @Nullable String request,
        @Nullable String answer,
        @Nullable String reason,
        @Nullable UUID redeliveryOf,
        String cursor) {}
