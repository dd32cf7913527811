package io.liaison.chat.live;

import io.liaison.identity.BrowserSessions;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

/**
 * Every heartbeat, a {@code ping} to each socket of this node, so that proxies keep it open; a socket
 * from which nothing came for two heartbeats (no {@code pong}) is closed. Every session check, a
 * socket whose browser session ended (its caller logged out, or it expired) is closed, and the
 * others keep their sessions from expiring while they are open.
 */
@Component
class Heartbeats implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);

    private final Sockets sockets;
    private final Frames frames;
    private final BrowserSessions sessions;
    private final long heartbeatMillis;
    private final long sessionCheckMillis;
    private volatile ScheduledExecutorService timer;

    Heartbeats(Sockets sockets, Frames frames, BrowserSessions sessions, LiveSettings settings) {
        this.sockets = sockets;
        this.frames = frames;
        this.sessions = sessions;
        this.heartbeatMillis = settings.heartbeat().toMillis();
        this.sessionCheckMillis = settings.sessionCheck().toMillis();
    }

    void beat() {
        String ping = frames.ping();
        long silent = TimeUnit.MILLISECONDS.toNanos(2 * heartbeatMillis);
        for (LiveSocket socket : sockets.all()) {
            if (socket.silentNanos() > silent) {
                socket.close(CloseStatus.SESSION_NOT_RELIABLE);
            } else {
                socket.send(ping);
            }
        }
    }

    void checkSessions() {
        List<LiveSocket> open = List.copyOf(sockets.all());
        if (open.isEmpty()) {
            return;
        }
        try {
            Set<String> standing = sessions.keepOpen(open.stream()
                    .map(socket -> socket.browserSession)
                    .filter(Objects::nonNull)
                    .distinct()
                    .toList());
            for (LiveSocket socket : open) {
                if (socket.browserSession == null || !standing.contains(socket.browserSession)) {
                    socket.close(CloseStatus.POLICY_VIOLATION);
                }
            }
        } catch (RuntimeException e) {
            // the database is away for a moment: the next check tells
            log.warn("The chat sockets' sessions could not be checked: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "liaison-chat-heartbeats");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::beat, heartbeatMillis, heartbeatMillis, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(
                this::checkSessions, sessionCheckMillis, sessionCheckMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = timer;
        if (current != null) {
            current.shutdownNow();
        }
        timer = null;
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
