package io.liaison.channel.send;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where one part goes, decrypted for sending only.
 *
 * @param deliveryId the delivery row
 * @param messageId a webhook's {@code webhook-id}: stable across retries and redeliveries
 * @param address the robot's or webhook's URL, or the e-mail address
 * @param secret the signing secret (DingTalk, Feishu, webhook), {@code null} when the channel has none
 * @param previousSecret during a webhook secret's rotation, the old secret, which also signs until
 *     {@code previousUntil}; {@code null} otherwise
 */
public record Target(
        UUID deliveryId,
        String messageId,
        String address,
        @Nullable String secret,
        @Nullable String previousSecret,
        @Nullable Instant previousUntil) {

    /** A target whose message id is the delivery's id, and no rotation under way. */
    public Target(UUID deliveryId, String address, @Nullable String secret) {
        this(deliveryId, deliveryId.toString(), address, secret, null, null);
    }

    /** Whether the previous secret still signs at {@code now}. */
    public boolean previousSigns(Instant now) {
        return previousSecret != null && previousUntil != null && now.isBefore(previousUntil);
    }

    @Override
    public String toString() {
        return "Target[" + deliveryId + "]";
    }
}
