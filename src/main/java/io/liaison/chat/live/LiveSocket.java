package io.liaison.chat.live;

import io.liaison.chat.ChatUser;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One open socket: its caller, the conversations it follows with the last {@code seq} each has
 * been sent (or held by the client when it subscribed), and its budgets for inbound frames and
 * typing. What is sent on it is sent under its lock, so that per conversation numbers go out in order.
 */
final class LiveSocket {

    private static final Logger log = LoggerFactory.getLogger(LiveSocket.class);

    /** A followed conversation: the last {@code seq} the client holds, and whether a message went since. */
    static final class Following {
        long sent;
        boolean messaged;

        Following(long sent) {
            this.sent = sent;
        }
    }

    final String id;
    final WebSocketSession session;
    final ChatUser user;
    final Who who;
    final Locale locale;
    /** The browser session the socket was opened from; none when it came without one. */
    final @Nullable String browserSession;

    final Object lock = new Object();

    private final Map<UUID, Following> following = new ConcurrentHashMap<>();
    private final Map<UUID, Long> typedAt = new ConcurrentHashMap<>();
    private volatile long heardAt = System.nanoTime();
    private long windowStart = System.nanoTime();
    private int framesInWindow;
    private @Nullable StringBuilder pieces;

    LiveSocket(WebSocketSession session, ChatUser user, Locale locale) {
        this.id = session.getId();
        this.session = session;
        this.user = user;
        this.who = Who.of(user.caller());
        this.locale = locale;
        this.browserSession = (String) session.getAttributes().get(LiveHandler.BROWSER_SESSION);
    }

    Set<UUID> conversations() {
        return following.keySet();
    }

    Following following(UUID conversationId) {
        return following.get(conversationId);
    }

    boolean follows(UUID conversationId) {
        return following.containsKey(conversationId);
    }

    int followingCount() {
        return following.size();
    }

    void follow(UUID conversationId, long lastSeq) {
        following.putIfAbsent(conversationId, new Following(lastSeq));
    }

    void unfollow(UUID conversationId) {
        following.remove(conversationId);
        typedAt.remove(conversationId);
    }

    void heard() {
        heardAt = System.nanoTime();
    }

    long silentNanos() {
        return System.nanoTime() - heardAt;
    }

    /**
     * The client's frame once its last piece came, or null while more are coming: the server's buffer
     * for a socket is small ({@link LiveHandler#PIECE}), so a longer frame comes in pieces. One
     * longer than {@code max} characters closes the socket (1009) and is dropped.
     */
    @Nullable
    String assemble(String piece, boolean last, int max) {
        StringBuilder sofar = pieces;
        if ((sofar == null ? 0 : sofar.length()) + piece.length() > max) {
            pieces = null;
            close(CloseStatus.TOO_BIG_TO_PROCESS);
            return null;
        }
        if (last) {
            pieces = null;
            return sofar == null ? piece : sofar.append(piece).toString();
        }
        pieces = (sofar == null ? new StringBuilder() : sofar).append(piece);
        return null;
    }

    /** Counts an inbound frame: answers how many came in the current second, this one included. */
    synchronized int counted() {
        long now = System.nanoTime();
        if (now - windowStart >= 1_000_000_000L) {
            windowStart = now;
            framesInWindow = 0;
        }
        return ++framesInWindow;
    }

    /** Whether the caller may signal typing in the conversation now: at most once per {@code gapNanos}. */
    boolean mayType(UUID conversationId, long gapNanos) {
        long now = System.nanoTime();
        Long last = typedAt.get(conversationId);
        if (last != null && now - last < gapNanos) {
            return false;
        }
        typedAt.put(conversationId, now);
        return true;
    }

    /** Sends a frame; a client that cannot take it is closed (it resumes when it connects again). */
    void send(String frame) {
        if (!session.isOpen()) {
            return;
        }
        try {
            session.sendMessage(new TextMessage(frame));
        } catch (IOException | RuntimeException e) {
            log.debug("Closing chat socket {}, which did not take a frame", id, e);
            close(CloseStatus.SESSION_NOT_RELIABLE);
        }
    }

    void close(CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException | RuntimeException e) {
            log.debug("Chat socket {} was already gone", id, e);
        }
    }
}
