package io.liaison.channel;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How a queued message is delivered beyond its destination.
 *
 * @param orderKey rows of one organization with the same key are sent one at a time, in the order
 *     they were queued: a row waits while an earlier row with that key is queued or sending (an ended
 *     one no longer holds it back); {@code null}: no order
 * @param retryFor how long after it was queued the row is retried, instead of {@code
 *     liaison.channel.retry-for}; {@code null}: that setting
 * @param messageId a webhook's {@code webhook-id}, the same on every retry and on a redelivery;
 *     {@code null}: the delivery's id
 */
public record DeliveryOptions(
        @Nullable String orderKey,
        @Nullable Duration retryFor,
        @Nullable String messageId) {

    public static final int MAX_ORDER_KEY = 200;
    public static final int MAX_MESSAGE_ID = 200;
    public static final Duration LONGEST_RETRY = Duration.ofDays(30);

    public DeliveryOptions {
        if (orderKey != null && (orderKey.isEmpty() || orderKey.length() > MAX_ORDER_KEY)) {
            throw new IllegalArgumentException("An order key has 1 to " + MAX_ORDER_KEY + " characters");
        }
        if (messageId != null && (messageId.isEmpty() || messageId.length() > MAX_MESSAGE_ID)) {
            throw new IllegalArgumentException("A message id has 1 to " + MAX_MESSAGE_ID + " characters");
        }
        if (retryFor != null && (retryFor.isNegative() || retryFor.compareTo(LONGEST_RETRY) > 0)) {
            throw new IllegalArgumentException("Deliveries are retried for at most " + LONGEST_RETRY);
        }
    }

    public static DeliveryOptions none() {
        return new DeliveryOptions(null, null, null);
    }
}
