package io.liaison.chat.live;

import io.liaison.chat.api.MessageResponses;
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
    private final MessageResponses responses;

    Frames(JsonMapper json, MessageSource messages, MessageResponses responses) {
        this.json = json;
        this.messages = messages;
        this.responses = responses;
    }

    String hello(long heartbeatSeconds) {
        return write(ordered(TYPE, "hello", "heartbeatSeconds", heartbeatSeconds));
    }

    String ping() {
        return "{\"type\":\"ping\"}";
    }

    String pong() {
        return "{\"type\":\"pong\"}";
    }

    /** {@code message}, {@code edited} or {@code recalled}: the message in its current state, a reply with its quote. */
    String message(UUID orgId, String type, MessageRow row) {
        return write(ordered(
                TYPE,
                type,
                CONVERSATION,
                row.conversationId(),
                "seq",
                row.seq(),
                "message",
                responses.one(orgId, row)));
    }

    String read(UUID conversationId, long seq, UUID participantId) {
        return write(ordered(TYPE, "read", CONVERSATION, conversationId, "seq", seq, "participantId", participantId));
    }

    String typing(UUID conversationId, UUID participantId, String name) {
        return write(
                ordered(TYPE, "typing", CONVERSATION, conversationId, "participantId", participantId, "name", name));
    }

    /** {@code conversation} (read it again) or {@code removed} (nothing more of it follows). */
    String conversation(String type, UUID conversationId) {
        return write(ordered(TYPE, type, CONVERSATION, conversationId));
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
        return write(ordered(TYPE, "error", "code", code, "message", messages.getMessage(detail, locale)));
    }

    /** A frame of these names and values, {@code type} first as in every frame. */
    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> frame = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            frame.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return frame;
    }

    private String write(Map<String, Object> frame) {
        return json.writeValueAsString(frame);
    }
}
