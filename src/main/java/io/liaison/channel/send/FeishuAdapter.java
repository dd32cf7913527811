package io.liaison.channel.send;

import io.liaison.channel.ChannelKind;
import io.liaison.channel.OutboundMessage;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Feishu / Lark custom bot (自定义机器人): with "签名校验" the body carries {@code timestamp}
 * (seconds) and {@code sign}, the Base64 of HmacSHA256 keyed with timestamp + "\n" + secret over an
 * empty message. A message with a link is an interactive card with a button, one with markdown a
 * card that renders it, one with a title a post (rich text), else text. A body is at most 20 KB; a
 * bot takes 5 messages a second and 100 a minute.
 */
@Component
class FeishuAdapter implements ChannelAdapter {

    static final List<RateLimit> LIMITS =
            List.of(new RateLimit(5, Duration.ofSeconds(1)), new RateLimit(100, Duration.ofMinutes(1)));
    static final int MAX_BODY_BYTES = 20 * 1024;
    /** Room in a body for everything but the content: the envelope, the title and the link. */
    private static final int ENVELOPE_BYTES = 1_024;
    /** What {@code timestamp} and {@code sign} add to a body. */
    private static final int SIGNATURE_BYTES = 128;
    /** "frequency limited" of a custom bot, and the open platform's "request trigger frequency limit". */
    static final Set<Integer> FREQUENCY_LIMITED = Set.of(11232, 99991400);

    private final OutboundHttp http;
    private final JsonMapper json;

    FeishuAdapter(OutboundHttp http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.FEISHU;
    }

    @Override
    public List<RateLimit> rateLimits() {
        return LIMITS;
    }

    /** Parts of the body text when the body would pass 20 KB: the first keeps the title, the last the link. */
    @Override
    public List<OutboundMessage> split(OutboundMessage message) {
        String content = message.markdown() != null ? message.markdown() : message.text();
        int room = MAX_BODY_BYTES
                - ENVELOPE_BYTES
                - 2 * Utf8Parts.bytes(message.title())
                - 2 * Utf8Parts.bytes(message.link() == null ? "" : message.link());
        if (Utf8Parts.bytes(json.writeValueAsString(body(message, 0, null))) <= MAX_BODY_BYTES - SIGNATURE_BYTES) {
            return List.of(message);
        }
        List<String> pieces = Utf8Parts.split(content, Math.max(room, MAX_BODY_BYTES / 2), true);
        List<OutboundMessage> parts = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            String piece = pieces.get(i);
            parts.add(new OutboundMessage(
                    i == 0 ? message.title() : "",
                    piece,
                    message.markdown() != null ? piece : null,
                    i == pieces.size() - 1 ? message.link() : null,
                    null,
                    null));
        }
        return parts;
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
        long timestamp = System.currentTimeMillis() / 1000;
        ObjectNode node = body(message, timestamp, target.secret());
        String body = json.writeValueAsString(node);
        if (node.has("sign")) {
            node.put("sign", RobotAnswers.HIDDEN);
        }
        String logged = "POST " + hidingHook(uri) + "\n" + json.writeValueAsString(node);
        OutboundHttp.Posted posted = http.post(uri, Map.of("Content-Type", RobotAnswers.JSON_UTF8), body, logged);
        return RobotAnswers.judge(
                posted, json, "code", "msg", code -> FREQUENCY_LIMITED.contains(code) ? Duration.ZERO : null);
    }

    static String sign(long timestamp, String secret) {
        return RobotAnswers.hmacSha256(timestamp + "\n" + secret, "");
    }

    /** The webhook's last path segment is the bot's credential. */
    private static String hidingHook(URI uri) {
        String text = uri.toString();
        int slash = text.lastIndexOf('/');
        return slash > text.indexOf("//") + 1 ? text.substring(0, slash + 1) + RobotAnswers.HIDDEN : text;
    }

    ObjectNode body(OutboundMessage message, long timestamp, @Nullable String secret) {
        ObjectNode body = json.createObjectNode();
        if (secret != null && !secret.isEmpty()) {
            body.put("timestamp", Long.toString(timestamp)).put("sign", sign(timestamp, secret));
        }
        if (message.link() != null || message.markdown() != null) {
            body.put("msg_type", "interactive");
            ObjectNode card = body.putObject("card");
            card.putObject("header")
                    .putObject("title")
                    .put("tag", "plain_text")
                    .put("content", RobotAnswers.headline(message));
            ArrayNode elements = card.putArray("elements");
            ObjectNode div = elements.addObject().put("tag", "div");
            if (message.markdown() != null) {
                div.putObject("text").put("tag", "lark_md").put("content", message.markdown());
            } else {
                div.putObject("text").put("tag", "plain_text").put("content", message.text());
            }
            if (message.link() != null) {
                ObjectNode button = elements.addObject()
                        .put("tag", "action")
                        .putArray("actions")
                        .addObject();
                button.put("tag", "button").put("url", message.link()).put("type", "primary");
                button.putObject("text").put("tag", "plain_text").put("content", RobotAnswers.headline(message));
            }
        } else if (!message.title().isBlank()) {
            body.put("msg_type", "post");
            ObjectNode post = body.putObject("content").putObject("post").putObject("zh_cn");
            post.put("title", message.title());
            ArrayNode paragraphs = post.putArray("content");
            message.text()
                    .lines()
                    .forEach(line ->
                            paragraphs.addArray().addObject().put("tag", "text").put("text", line));
        } else {
            body.put("msg_type", "text");
            body.putObject("content").put("text", message.text());
        }
        return body;
    }
}
