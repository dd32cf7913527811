package io.liaison.push;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One recipient of a push reached its end: {@code sent} (the mail server or robot took it, the group
 * got the post), {@code failed} or {@code skipped}, with the reason when it was not sent. For figures
 * by day, sender and contact; recipients skipped when the push's audience was written are counted in
 * {@link PushSent} instead, and those a cancel skipped in {@link PushCancelled}. Not audited: the push's
 * own events are.
 *
 * @param kind {@code contact}, {@code conversation} or {@code channel}
 */
public record PushRecipientEnded(
        UUID orgId,
        UUID pushId,
        UUID senderId,
        UUID recipientId,
        String kind,
        @Nullable UUID contactId,
        @Nullable UUID conversationId,
        @Nullable UUID channelId,
        String state,
        @Nullable String reason,
        Instant endedAt) {}
