package io.liaison.channel;

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
 */
public record OutboundMessage(
        String title,
        String text,
        @Nullable String markdown,
        @Nullable String link,
        @Nullable String unsubscribeLink,
        @Nullable String json) {

    public static OutboundMessage of(String title, String text) {
        return new OutboundMessage(title, text, null, null, null, null);
    }

    public OutboundMessage withMarkdown(String markdown) {
        return new OutboundMessage(title, text, markdown, link, unsubscribeLink, json);
    }

    public OutboundMessage withLink(String link) {
        return new OutboundMessage(title, text, markdown, link, unsubscribeLink, json);
    }

    public OutboundMessage withUnsubscribeLink(String unsubscribeLink) {
        return new OutboundMessage(title, text, markdown, link, unsubscribeLink, json);
    }

    public OutboundMessage withJson(String json) {
        return new OutboundMessage(title, text, markdown, link, unsubscribeLink, json);
    }
}
