package io.liaison.channel;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one delivery says, independent of the channel: each adapter renders it in its platform's
 * formats (a robot's text or markdown, a card when there is a link; e-mail's text and HTML parts; a
 * webhook's JSON).
 *
 * @param title the subject of an e-mail, the title of a card or markdown message
 * @param text the plain-text body, always present
 * @param markdown the same body in markdown, for the channels that render it; {@code null} to use
 *     the text
 * @param link an absolute URL the message points to (a card's button, an e-mail's link)
 * @param unsubscribeLink for a push: the URL of {@code List-Unsubscribe}
 * @param json for a webhook: the event's JSON body, sent as it is; {@code null} for messages to
 *     people
 * @param attachments files an e-mail carries (other channels leave them out); none when absent
 */
public record OutboundMessage(
        String title,
        String text,
        @Nullable String markdown,
        @Nullable String link,
        @Nullable String unsubscribeLink,
        @Nullable String json,
        List<Attachment> attachments) {

    /** A message stored before attachments existed reads as one without. */
    public OutboundMessage {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public OutboundMessage(
            String title,
            String text,
            @Nullable String markdown,
            @Nullable String link,
            @Nullable String unsubscribeLink,
            @Nullable String json) {
        this(title, text, markdown, link, unsubscribeLink, json, List.of());
    }

    public static OutboundMessage of(String title, String text) {
        return new OutboundMessage(title, text, null, null, null, null);
    }

    public OutboundMessage withAttachment(Attachment attachment) {
        List<Attachment> all = new ArrayList<>(attachments);
        all.add(attachment);
        return new OutboundMessage(title, text, markdown, link, unsubscribeLink, json, all);
    }

    public OutboundMessage withMarkdown(String markdown) {
        return new OutboundMessage(title, text, markdown, link, unsubscribeLink, json, attachments);
    }

    public OutboundMessage withLink(String link) {
        return new OutboundMessage(title, text, markdown, link, unsubscribeLink, json, attachments);
    }

    public OutboundMessage withUnsubscribeLink(String unsubscribeLink) {
        return new OutboundMessage(title, text, markdown, link, unsubscribeLink, json, attachments);
    }

    public OutboundMessage withJson(String json) {
        return new OutboundMessage(title, text, markdown, link, unsubscribeLink, json, attachments);
    }
}
