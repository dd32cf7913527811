package io.liaison.channel.send;

import io.liaison.channel.ChannelKind;
import io.liaison.channel.OutboundMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A DingTalk custom robot (自定义机器人): its webhook URL carries the {@code access_token}; with the
 * "加签" security setting each request adds {@code timestamp} (milliseconds) and {@code sign}, the
 * URL-encoded Base64 of HmacSHA256(key = secret, timestamp + "\n" + secret). A message with a link
 * is a link message (an actionCard when it has markdown), one with markdown a markdown message,
 * else text. A robot takes 20 messages a minute and is throttled ten minutes past that.
 */
@Component
class DingTalkAdapter implements ChannelAdapter {

    static final List<RateLimit> LIMITS = List.of(new RateLimit(20, Duration.ofMinutes(1)));
    /** "send too fast, exceed 20 times per minute": the robot is throttled for ten minutes. */
    static final int SEND_TOO_FAST = 130101;

    private static final Duration THROTTLED = Duration.ofMinutes(10);

    private final OutboundHttp http;
    private final JsonMapper json;

    DingTalkAdapter(OutboundHttp http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.DINGTALK;
    }

    @Override
    public List<RateLimit> rateLimits() {
        return LIMITS;
    }

    @Override
    public List<OutboundMessage> split(OutboundMessage message) {
        return List.of(message);
    }

    @Override
    public SendResult send(Target target, OutboundMessage message) {
        String body = json.writeValueAsString(body(message));
        URI uri;
        try {
            uri = signed(target.address(), target.secret(), System.currentTimeMillis());
        } catch (IllegalArgumentException e) {
            return SendResult.failed("POST " + RobotAnswers.HIDDEN, null, "channel.reason.badAddress");
        }
        String logged = "POST " + RobotAnswers.hidingQuery(uri, Set.of("access_token", "sign")) + "\n" + body;
        OutboundHttp.Posted posted = http.post(uri, Map.of("Content-Type", RobotAnswers.JSON_UTF8), body, logged);
        return RobotAnswers.judge(posted, json, "errcode", "errmsg", code -> code == SEND_TOO_FAST ? THROTTLED : null);
    }

    static URI signed(String address, @Nullable String secret, long timestamp) {
        URI uri = URI.create(address);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("Not an absolute URL");
        }
        if (secret == null || secret.isEmpty()) {
            return uri;
        }
        String sign = RobotAnswers.hmacSha256(secret, timestamp + "\n" + secret);
        String separator = uri.getRawQuery() == null ? "?" : "&";
        return URI.create(address + separator + "timestamp=" + timestamp + "&sign="
                + URLEncoder.encode(sign, StandardCharsets.UTF_8));
    }

    ObjectNode body(OutboundMessage message) {
        ObjectNode body = json.createObjectNode();
        String headline = RobotAnswers.headline(message);
        if (message.link() != null && message.markdown() == null) {
            body.put("msgtype", "link");
            body.putObject("link")
                    .put("title", headline)
                    .put("text", message.text())
                    .put("messageUrl", message.link());
        } else if (message.link() != null) {
            body.put("msgtype", "actionCard");
            body.putObject("actionCard")
                    .put("title", headline)
                    .put("text", titled(message, message.markdown()))
                    .put("singleTitle", headline)
                    .put("singleURL", message.link());
        } else if (message.markdown() != null) {
            body.put("msgtype", "markdown");
            body.putObject("markdown").put("title", headline).put("text", titled(message, message.markdown()));
        } else {
            String content = message.title().isBlank() ? message.text() : message.title() + "\n" + message.text();
            body.put("msgtype", "text");
            body.putObject("text").put("content", content);
        }
        return body;
    }

    /** The markdown with the title as its heading: DingTalk shows a markdown's title only in previews. */
    private static String titled(OutboundMessage message, String markdown) {
        return message.title().isBlank() ? markdown : "### " + message.title() + "\n\n" + markdown;
    }
}
