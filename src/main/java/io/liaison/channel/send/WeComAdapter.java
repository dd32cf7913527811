package io.liaison.channel.send;

import io.liaison.channel.ChannelKind;
import io.liaison.channel.OutboundMessage;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A WeCom group robot (群机器人): its webhook URL carries the {@code key}, there is no signature. A
 * message with markdown or a link is a markdown message of at most 4,096 UTF-8 bytes, else a text
 * message of at most 2,048; longer content is split into parts on character boundaries, after a
 * line break where there is one. A robot takes 20 messages a minute.
 */
@Component
class WeComAdapter implements ChannelAdapter {

    static final List<RateLimit> LIMITS = List.of(new RateLimit(20, Duration.ofMinutes(1)));
    static final int MAX_TEXT_BYTES = 2_048;
    static final int MAX_MARKDOWN_BYTES = 4_096;
    /** "api freq out of limit". */
    static final int FREQUENCY_LIMIT = 45009;

    private final OutboundHttp http;
    private final JsonMapper json;

    WeComAdapter(OutboundHttp http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.WECOM;
    }

    @Override
    public List<RateLimit> rateLimits() {
        return LIMITS;
    }

    /**
     * The message itself when its content fits, else parts of the content without title or link (the
     * content already holds them), each a message of the same type.
     */
    @Override
    public List<OutboundMessage> split(OutboundMessage message) {
        boolean markdown = isMarkdown(message);
        String content = content(message);
        int limit = markdown ? MAX_MARKDOWN_BYTES : MAX_TEXT_BYTES;
        if (Utf8Parts.bytes(content) <= limit) {
            return List.of(message);
        }
        return Utf8Parts.split(content, limit, false).stream()
                .map(part -> new OutboundMessage("", part, markdown ? part : null, null, null, null))
                .toList();
    }

    @Override
    public SendResult send(Target target, OutboundMessage message) {
        URI uri;
        try {
            uri = URI.create(target.address());
        } catch (IllegalArgumentException e) {
            return SendResult.failed("POST " + RobotAnswers.HIDDEN, null, "channel.reason.badAddress");
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return SendResult.failed("POST " + RobotAnswers.HIDDEN, null, "channel.reason.badAddress");
        }
        String body = json.writeValueAsString(body(message));
        String logged = "POST " + RobotAnswers.hidingQuery(uri, Set.of("key")) + "\n" + body;
        OutboundHttp.Posted posted = http.post(uri, Map.of("Content-Type", RobotAnswers.JSON_UTF8), body, logged);
        return RobotAnswers.judge(
                posted, json, "errcode", "errmsg", code -> code == FREQUENCY_LIMIT ? Duration.ZERO : null);
    }

    ObjectNode body(OutboundMessage message) {
        String type = isMarkdown(message) ? "markdown" : "text";
        ObjectNode body = json.createObjectNode().put("msgtype", type);
        body.putObject(type).put("content", content(message));
        return body;
    }

    private static boolean isMarkdown(OutboundMessage message) {
        return message.markdown() != null || message.link() != null;
    }

    /** What the robot shows: the title on the first line, the body, and the link last. */
    static String content(OutboundMessage message) {
        if (!isMarkdown(message)) {
            return message.title().isBlank() ? message.text() : message.title() + "\n" + message.text();
        }
        StringBuilder content = new StringBuilder();
        if (!message.title().isBlank()) {
            content.append("**").append(message.title()).append("**\n");
        }
        content.append(message.markdown() != null ? message.markdown() : message.text());
        if (message.link() != null) {
            content.append("\n[")
                    .append(message.link())
                    .append("](")
                    .append(message.link())
                    .append(')');
        }
        return content.toString();
    }
}
