package io.liaison.channel.send;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where one part goes, decrypted for sending only.
 *
 * @param deliveryId the delivery row: a webhook's {@code webhook-id}, stable across retries
 * @param address the robot's or webhook's URL, or the e-mail address
 * @param secret the signing secret (DingTalk, Feishu, webhook), {@code null} when the channel has none
 */
public record Target(
        UUID deliveryId, String address, @Nullable String secret) {

    @Override
    public String toString() {
        return "Target[" + deliveryId + "]";
    }
}
