package io.liaison.notify;

import io.liaison.shared.Message;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A notification to raise: for one member, of a registered kind, with its title and body as
 * messages (said in the reader's language when read) and an optional link within Liaison ({@code
 * /contacts/…}).
 */
public record NewNotification(
        UUID orgId,
        UUID memberId,
        String kind,
        Message title,
        Message body,
        @Nullable String link) {}
