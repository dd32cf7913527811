package io.liaison.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link Message} kept in a text column (a job's failure, a refused row's reason) as JSON, {@code
 * {"code": ..., "args": [...]}}, and said in the language of whoever reads it later. A column's
 * rows stored before reasons were kept by code hold plain text, which is shown as it is.
 */
@Component
public class StoredMessages {

    private final MessageSource messages;
    private final JsonMapper json;

    StoredMessages(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public String store(Message message) {
        return json.writeValueAsString(node(message));
    }

    /** The stored message in the reader's language; {@code null} stays {@code null}. */
    public @Nullable String read(@Nullable String stored) {
        return stored == null ? null : text(message(stored));
    }

    /** A message in the reader's language; {@code null} stays {@code null}. */
    public @Nullable String text(@Nullable Message message) {
        return text(message, LocaleContextHolder.getLocale());
    }

    /** As {@link #text(Message)}, for a reader whose language was taken before (a streamed answer's). */
    public @Nullable String text(@Nullable Message message, Locale locale) {
        return message == null ? null : messages.getMessage(message, locale);
    }

    /** The stored message, or the text of a row stored before messages were (shown as {@code stored.text}). */
    public Message message(String stored) {
        if (stored.startsWith("{\"code\"")) {
            return message(json.readTree(stored));
        }
        return Message.of("stored.text", stored);
    }

    private ObjectNode node(Message message) {
        ObjectNode node = json.createObjectNode();
        node.put("code", message.code());
        if (message.fallback() != null) {
            node.put("fallback", message.fallback());
        }
        ArrayNode args = node.putArray("args");
        for (Object arg : message.args()) {
            if (arg instanceof Message m) {
                args.add(node(m));
            } else if (arg instanceof Integer || arg instanceof Long) {
                args.add(((Number) arg).longValue());
            } else if (arg instanceof Number n) {
                args.add(n.doubleValue());
            } else {
                args.add(String.valueOf(arg));
            }
        }
        return node;
    }

    private static Message message(JsonNode node) {
        List<Object> args = new ArrayList<>();
        for (JsonNode arg : node.path("args")) {
            if (arg.isObject()) {
                args.add(message(arg));
            } else if (arg.isIntegralNumber()) {
                args.add(arg.longValue());
            } else if (arg.isNumber()) {
                args.add(arg.doubleValue());
            } else {
                args.add(arg.asString());
            }
        }
        JsonNode fallback = node.get("fallback");
        return new Message(node.path("code").asString(), args, fallback == null ? null : fallback.asString());
    }
}
