package io.liaison.channel.send;

import io.liaison.shared.Message;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What one attempt gave.
 *
 * @param request what was sent, as the delivery log shows it: method, URL and body with every secret
 *     (a WeCom key, a signature, a token) replaced by {@code ***}
 * @param answer the platform's answer (status and body), {@code null} when there was none
 * @param reason why it was not sent, in words a member understands (a message key or the platform's
 *     {@code errmsg}); {@code null} when sent
 * @param retryAfter the platform's {@code Retry-After}, {@code null} when it gave none
 */
public record SendResult(
        Outcome outcome,
        String request,
        @Nullable String answer,
        @Nullable String reason,
        @Nullable Duration retryAfter) {

    public enum Outcome {
        SENT,
        RETRY,
        FAILED
    }

    /**
     * Why it was not sent, as a message: the bundles' key an adapter named, the platform's own words
     * as they are, or "the platform answered with an error" when it said nothing.
     */
    public Message reasonMessage() {
        if (reason == null || reason.isBlank()) {
            return Message.of("channel.reason.status");
        }
        return reason.matches("channel\\.[A-Za-z0-9.-]+") ? Message.of(reason) : Message.of("stored.text", reason);
    }

    public static SendResult sent(String request, @Nullable String answer) {
        return new SendResult(Outcome.SENT, request, answer, null, null);
    }

    public static SendResult retry(
            String request, @Nullable String answer, String reason, @Nullable Duration retryAfter) {
        return new SendResult(Outcome.RETRY, request, answer, reason, retryAfter);
    }

    public static SendResult failed(String request, @Nullable String answer, String reason) {
        return new SendResult(Outcome.FAILED, request, answer, reason, null);
    }
}
