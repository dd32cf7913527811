package io.liaison.chat.live;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

/**
 * Every heartbeat, a {@code ping} to each socket of this node, so that proxies keep it open; a socket
 * from which nothing came for two heartbeats (no {@code pong}) is closed.
 */
@Component
class Heartbeats implements SmartLifecycle {

    private final Sockets sockets;
    private final Frames frames;
    private final long heartbeatMillis;
    private volatile ScheduledExecutorService timer;

    Heartbeats(Sockets sockets, Frames frames, LiveSettings settings) {
        this.sockets = sockets;
        this.frames = frames;
        this.heartbeatMillis = settings.heartbeat().toMillis();
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

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "liaison-chat-heartbeats");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::beat, heartbeatMillis, heartbeatMillis, TimeUnit.MILLISECONDS);
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
