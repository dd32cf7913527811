package io.liaison.channel.send;

import io.liaison.channel.ChannelKind;
import io.liaison.channel.OutboundMessage;
import io.liaison.channel.StandardWebhooks;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The generic webhook: a JSON POST signed per Standard Webhooks. A message with {@code json} (an
 * event) is sent as it is; a message to people is sent as {@code {"type": "liaison.message",
 * "timestamp", "data": {title, text, markdown, link}}}. The {@code webhook-id} is the delivery's message
 * id, the same on every retry and redelivery. While a secret is rotated, {@code webhook-signature}
 * carries the new secret's signature and the previous one's, space separated, until the previous
 * secret's end. Nothing is split: the delivery's own limits bound the body.
 */
@Component
class WebhookAdapter implements ChannelAdapter {

    private final OutboundHttp http;
    private final JsonMapper json;

    WebhookAdapter(OutboundHttp http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.WEBHOOK;
    }

    @Override
    public List<RateLimit> rateLimits() {
        return List.of();
    }

    @Override
    public List<OutboundMessage> split(OutboundMessage message) {
        return List.of(message);
    }

    @Override
    public SendResult send(Target target, OutboundMessage message) {
        Instant now = Instant.now();
        String body = message.json() != null ? message.json() : body(message, now);
        String logged = "POST " + Redaction.url(target.address()) + "\n" + body;
        if (target.secret() == null || !StandardWebhooks.isSecret(target.secret())) {
            return SendResult.failed(logged, null, "channel.reason.noSecret");
        }
        URI uri;
        try {
            uri = URI.create(target.address());
        } catch (IllegalArgumentException e) {
            return SendResult.failed(logged, null, "channel.reason.badUrl");
        }
        Map<String, String> headers = new LinkedHashMap<>(
                StandardWebhooks.headers(target.secret(), target.messageId(), now.getEpochSecond(), body));
        if (target.previousSigns(now) && StandardWebhooks.isSecret(target.previousSecret())) {
            headers.put(
                    "webhook-signature",
                    headers.get("webhook-signature") + " "
                            + StandardWebhooks.signature(
                                    target.previousSecret(), target.messageId(), now.getEpochSecond(), body));
        }
        headers.put("Content-Type", "application/json; charset=utf-8");
        return http.post(uri, headers, body, logged).result();
    }

    private String body(OutboundMessage message, Instant now) {
        ObjectNode root = json.createObjectNode();
        root.put("type", "liaison.message");
        root.put("timestamp", now.toString());
        ObjectNode data = root.putObject("data");
        data.put("title", message.title());
        data.put("text", message.text());
        if (message.markdown() != null) {
            data.put("markdown", message.markdown());
        }
        if (message.link() != null) {
            data.put("link", message.link());
        }
        return json.writeValueAsString(root);
    }
}
