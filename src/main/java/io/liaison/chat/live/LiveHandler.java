package io.liaison.chat.live;

import io.liaison.chat.ChatUsers;
import io.liaison.chat.message.MessageService;
import io.liaison.identity.Caller;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.Message;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.standard.StandardWebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chat socket's side of each connection: on connect it follows its caller's conversations and
 * says {@code hello}; it answers the client's frames ({@code resume}, {@code typing}, {@code read},
 * {@code ping}, {@code pong}) within the limits of {@link LiveSettings}, and refuses any other with
 * an {@code error} frame in the caller's language.
 */
@Component
class LiveHandler extends TextWebSocketHandler {

    static final String CALLER = "liaison.caller";
    static final String LOCALE = "liaison.locale";
    static final String BROWSER_SESSION = "liaison.browserSession";

    /**
     * The characters (and bytes) Tomcat buffers for a socket's inbound message: a longer frame reaches
     * the handler in pieces, which {@link LiveSocket#assemble} joins up to {@link LiveSettings#maxFrameSize()}.
     * Tomcat keeps the buffers for the socket's life and clients mostly send short frames (a {@code pong}),
     * so a small buffer saves most of a socket's memory: one the size of the frame limit took 128 KB.
     */
    static final int PIECE = 1024;

    private static final String CONVERSATION = "conversationId";
    private static final long TYPING_GAP_NANOS = 2_000_000_000L;

    private static final String BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private final Sockets sockets;
    private final LiveRepository conversations;
    private final Fanout fanout;
    private final LiveSignals signals;
    private final Frames frames;
    private final MessageService messages;
    private final ChatUsers users;
    private final LiveSettings settings;
    private final JsonMapper json;

    LiveHandler(
            Sockets sockets,
            LiveRepository conversations,
            Fanout fanout,
            LiveSignals signals,
            Frames frames,
            MessageService messages,
            ChatUsers users,
            LiveSettings settings,
            JsonMapper json) {
        this.sockets = sockets;
        this.conversations = conversations;
        this.fanout = fanout;
        this.signals = signals;
        this.frames = frames;
        this.messages = messages;
        this.users = users;
        this.settings = settings;
        this.json = json;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        Caller caller = (Caller) session.getAttributes().get(CALLER);
        Locale locale = (Locale) session.getAttributes().get(LOCALE);
        session.setTextMessageSizeLimit(PIECE);
        session.setBinaryMessageSizeLimit(PIECE);
        if (session instanceof StandardWebSocketSession standard) {
            // a client that stops reading holds a blocking send no longer than the decorator's limit
            standard.getNativeSession()
                    .getUserProperties()
                    .put(BLOCKING_SEND_TIMEOUT, settings.sendTimeLimit().toMillis());
        }
        LiveSocket socket = new LiveSocket(
                new ConcurrentWebSocketSessionDecorator(
                        session, (int) settings.sendTimeLimit().toMillis(), (int)
                                settings.sendBufferSize().toBytes()),
                users.of(caller),
                locale);
        sockets.add(socket);
        if (sockets.count(socket.who) > settings.socketsPerCaller()) {
            socket.send(error(socket, "too-many-sockets", settings.socketsPerCaller()));
            socket.close(CloseStatus.POLICY_VIOLATION);
            return;
        }
        socket.send(frames.hello(settings.heartbeat().toSeconds()));
        for (LiveRepository.Followed followed : conversations.conversations(socket.who, settings.maxConversations())) {
            sockets.follow(socket, followed.id(), followed.lastSeq());
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        LiveSocket socket = sockets.get(session.getId());
        if (socket != null) {
            sockets.remove(socket);
        }
    }

    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        LiveSocket socket = sockets.get(session.getId());
        if (socket == null || !session.isOpen()) {
            return;
        }
        socket.heard();
        String text = socket.assemble(message.getPayload(), message.isLast(), (int)
                settings.maxFrameSize().toBytes());
        if (text == null) {
            return;
        }
        int count = socket.counted();
        if (count > settings.framesPerSecond()) {
            if (count > 3 * settings.framesPerSecond()) {
                socket.close(CloseStatus.POLICY_VIOLATION);
            } else if (count == settings.framesPerSecond() + 1) {
                socket.send(error(socket, "too-many-frames", settings.framesPerSecond()));
            }
            return;
        }
        JsonNode frame;
        try {
            frame = json.readTree(text);
        } catch (JacksonException e) {
            socket.send(error(socket, "bad-frame"));
            return;
        }
        try {
            switch (frame.path("type").asString("")) {
                case "ping" -> socket.send(frames.pong());
                case "pong" -> {
                    // heard above: the socket is alive
                }
                case "resume" -> resume(socket, frame);
                case "typing" -> typing(socket, frame);
                case "read" -> read(socket, frame);
                default -> socket.send(error(socket, "unknown-frame"));
            }
        } catch (LiaisonException e) {
            socket.send(frames.error(e.type(), e.detail(), socket.locale));
        }
    }

    private void resume(LiveSocket socket, JsonNode frame) {
        JsonNode since = frame.path("since");
        if (!since.isObject()) {
            socket.send(error(socket, "bad-frame"));
            return;
        }
        if (since.size() > settings.maxConversations()) {
            socket.send(error(socket, "resume-too-large", settings.maxConversations()));
            return;
        }
        Map<UUID, Long> held = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : since.properties()) {
            UUID id = uuid(entry.getKey());
            if (id == null
                    || !entry.getValue().canConvertToLong()
                    || entry.getValue().asLong() < 0) {
                socket.send(error(socket, "bad-frame"));
                return;
            }
            held.put(id, entry.getValue().asLong());
        }
        fanout.resume(socket, held);
    }

    private void typing(LiveSocket socket, JsonNode frame) {
        UUID conversationId = followed(socket, frame);
        if (conversationId != null && socket.mayType(conversationId, TYPING_GAP_NANOS)) {
            signals.typing(socket.who.orgId(), conversationId, socket.who.id(), socket.id, socket.user.displayName());
        }
    }

    private void read(LiveSocket socket, JsonNode frame) {
        UUID conversationId = followed(socket, frame);
        JsonNode seq = frame.path("seq");
        if (conversationId == null) {
            return;
        }
        if (!seq.canConvertToLong() || seq.asLong() < 0) {
            socket.send(error(socket, "bad-frame"));
            return;
        }
        messages.read(socket.user, conversationId, seq.asLong());
    }

    /** The frame's conversation, if the socket follows it; else an error frame says so and null. */
    private UUID followed(LiveSocket socket, JsonNode frame) {
        UUID id = uuid(frame.path(CONVERSATION).asString(""));
        if (id == null || !socket.follows(id)) {
            socket.send(error(socket, "not-following"));
            return null;
        }
        return id;
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String error(LiveSocket socket, String code, Object... args) {
        return frames.error(code, Message.of("live.error." + code, args), socket.locale);
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        LiveSocket socket = sockets.get(session.getId());
        if (socket != null) {
            socket.close(CloseStatus.SERVER_ERROR);
        }
    }
}
