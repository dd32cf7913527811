package io.liaison.chat.live;

import io.liaison.chat.api.MessageResponse;
import io.liaison.chat.message.MessageRow;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's frames as JSON text, as {@code package-info} describes them; a message as the REST
 * API shows it, written by the same mapper. An error's message is in the socket's language.
 */
@Component
class Frames {

    private static final String TYPE = "type";
    private static final String CONVERSATION = "conversationId";

    private final JsonMapper json;
    private final MessageSource messages;

    Frames(JsonMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    String hello(long heartbeatSeconds) {
        return write(Map.of(TYPE, "hello", "heartbeatSeconds", heartbeatSeconds));
    }

    String ping() {
        return "{\"type\":\"ping\"}";
    }

    String pong() {
        return "{\"type\":\"pong\"}";
    }

    /** {@code message}, {@code edited} or {@code recalled}: the message in its current state. */
    String message(String type, MessageRow row) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put(TYPE, type);
        frame.put(CONVERSATION, row.conversationId());
        frame.put("seq", row.seq());
        frame.put("message", MessageResponse.of(row));
        return write(frame);
    }

    String read(UUID conversationId, long seq, UUID participantId) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put(TYPE, "read");
        frame.put(CONVERSATION, conversationId);
        frame.put("seq", seq);
        frame.put("participantId", participantId);
        return write(frame);
    }

    String typing(UUID conversationId, UUID participantId, String name) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put(TYPE, "typing");
        frame.put(CONVERSATION, conversationId);
        frame.put("participantId", participantId);
        frame.put("name", name);
        return write(frame);
    }

    /** {@code conversation} (read it again) or {@code removed} (nothing more of it follows). */
    String conversation(String type, UUID conversationId) {
        return write(Map.of(TYPE, type, CONVERSATION, conversationId));
    }

    String resumed(Collection<UUID> reload) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put(TYPE, "resumed");
        frame.put("complete", reload.isEmpty());
        if (!reload.isEmpty()) {
            frame.put("reload", reload);
        }
        return write(frame);
    }

    /** An error frame with {@code live.<code>} of the bundles, or a problem's detail for {@code detail}. */
    String error(String code, MessageSourceResolvable detail, Locale locale) {
        return write(Map.of(TYPE, "error", "code", code, "message", messages.getMessage(detail, locale)));
    }

    private String write(Map<String, Object> frame) {
        return json.writeValueAsString(frame);
    }
}
