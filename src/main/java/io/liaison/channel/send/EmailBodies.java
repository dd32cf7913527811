package io.liaison.channel.send;

import io.liaison.channel.OutboundMessage;
import java.util.Locale;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.web.util.HtmlUtils;

/**
 * An e-mail's two bodies. The HTML is the text escaped, or the markdown rendered with any HTML in
 * it escaped and unsafe link targets ({@code javascript:}) removed, so that nothing a message says
 * can run in a mail client.
 */
final class EmailBodies {

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer RENDERER =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private EmailBodies() {}

    static String plain(OutboundMessage message) {
        return message.link() == null ? message.text() : message.text() + "\n\n" + message.link();
    }

    static String html(OutboundMessage message) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(escape(message.title()))
                .append("</title></head>\n<body>\n");
        if (message.markdown() != null) {
            html.append(RENDERER.render(MARKDOWN.parse(message.markdown())));
        } else {
            html.append("<p>")
                    .append(escape(message.text()).replace("\n", "<br>\n"))
                    .append("</p>\n");
        }
        String link = message.link();
        if (link != null && isWebAddress(link)) {
            html.append("<p><a href=\"")
                    .append(escape(link))
                    .append("\">")
                    .append(escape(link))
                    .append("</a></p>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static boolean isWebAddress(String link) {
        String lower = link.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
