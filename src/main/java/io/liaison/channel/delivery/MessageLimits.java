package io.liaison.channel.delivery;

import io.liaison.channel.Attachment;
import io.liaison.channel.OutboundMessage;
import io.liaison.shared.Message;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The largest message a delivery row keeps, whatever its channel allows: a message over one of these
 * is stored cut to them (on character boundaries) and ends {@code failed} with the field named.
 */
final class MessageLimits {

    static final int TITLE = 1_000;
    static final int TEXT = 50_000;
    static final int LINK = 2_000;
    static final int JSON = 256 * 1024;
    static final int EMAIL_ADDRESS = 320;

    private MessageLimits() {}

    /** Why the message is too large, if it is. */
    static Optional<Message> problem(OutboundMessage message) {
        if (over(message.title(), TITLE)) {
            return Optional.of(Message.of("channel.reason.tooLarge", "title", TITLE));
        }
        if (over(message.text(), TEXT)) {
            return Optional.of(Message.of("channel.reason.tooLarge", "text", TEXT));
        }
        if (over(message.markdown(), TEXT)) {
            return Optional.of(Message.of("channel.reason.tooLarge", "markdown", TEXT));
        }
        if (over(message.link(), LINK)) {
            return Optional.of(Message.of("channel.reason.tooLarge", "link", LINK));
        }
        if (over(message.unsubscribeLink(), LINK)) {
            return Optional.of(Message.of("channel.reason.tooLarge", "unsubscribeLink", LINK));
        }
        if (over(message.json(), JSON)) {
            return Optional.of(Message.of("channel.reason.tooLarge", "json", JSON));
        }
        if (message.attachments().size() > Attachment.MAX_COUNT) {
            return Optional.of(Message.of("channel.reason.tooManyAttachments", Attachment.MAX_COUNT));
        }
        for (Attachment attachment : message.attachments()) {
            if (attachment.content().length > Attachment.MAX_BYTES
                    || over(attachment.name(), Attachment.MAX_NAME)
                    || over(attachment.contentType(), Attachment.MAX_NAME)) {
                return Optional.of(Message.of("channel.reason.attachmentTooLarge", Attachment.MAX_BYTES / 1024));
            }
        }
        return Optional.empty();
    }

    /**
     * The message with each field cut to its limit, to be kept beside the reason it failed; its
     * attachments are left out, which the reason names.
     */
    static OutboundMessage cut(OutboundMessage message) {
        return new OutboundMessage(
                cut(message.title(), TITLE),
                cut(message.text(), TEXT),
                cutOrNull(message.markdown(), TEXT),
                cutOrNull(message.link(), LINK),
                cutOrNull(message.unsubscribeLink(), LINK),
                cutOrNull(message.json(), JSON));
    }

    private static boolean over(@Nullable String value, int limit) {
        return value != null && value.length() > limit;
    }

    private static @Nullable String cutOrNull(@Nullable String value, int limit) {
        return value == null ? null : cut(value, limit);
    }

    /** At most {@code limit} chars, never half of a surrogate pair. */
    static String cut(String value, int limit) {
        if (value.length() <= limit) {
            return value;
        }
        int end = Character.isLowSurrogate(value.charAt(limit)) ? limit - 1 : limit;
        return value.substring(0, end);
    }
}
