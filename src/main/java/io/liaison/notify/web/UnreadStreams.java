package io.liaison.notify.web;

import io.liaison.notify.Notifications;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The bell's live count. Browsers on this node hold an {@link SseEmitter} each; the node holds one
 * PostgreSQL connection that LISTENs on {@link Notifications#CHANNEL}, where every change of a
 * member's unread count NOTIFYs "org:member" when its transaction commits, whichever node made it.
 * For each such signal with a browser of that member here, the count is read from the database
 * and sent to their streams; the payload carries no count, so a late or repeated signal shows the
 * truth. The connection is taken again after a failure, within a second.
 */
@Component
class UnreadStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UnreadStreams.class);
    /** How long one stream lives; the browser's EventSource connects again by itself. */
    static final long STREAM_MILLIS = 30 * 60 * 1000L;
    /** At most this many streams per member on a node (tabs), the oldest closed first. */
    static final int MAX_PER_MEMBER = 10;

    private record Key(UUID orgId, UUID memberId) {}

    private final Map<Key, List<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final DataSource dataSource;
    private final Notifications notifications;
    private volatile boolean running;
    private Thread listener = new Thread(this::listen);

    UnreadStreams(DataSource dataSource, Notifications notifications) {
        this.dataSource = dataSource;
        this.notifications = notifications;
    }

    /** A new stream for a member, starting with their count now. */
    SseEmitter open(UUID orgId, UUID memberId) {
        Key key = new Key(orgId, memberId);
        SseEmitter emitter = new SseEmitter(STREAM_MILLIS);
        List<SseEmitter> mine = streams.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
        mine.add(emitter);
        while (mine.size() > MAX_PER_MEMBER) {
            mine.remove(0).complete();
        }
        Runnable drop = () -> remove(key, emitter);
        emitter.onCompletion(drop);
        emitter.onTimeout(drop);
        emitter.onError(e -> drop.run());
        send(key, emitter, notifications.unread(orgId, memberId));
        return emitter;
    }

    private void remove(Key key, SseEmitter emitter) {
        streams.computeIfPresent(key, (k, list) -> {
            list.remove(emitter);
            return list.isEmpty() ? null : list;
        });
    }

    private void signalled(String payload) {
        int colon = payload.indexOf(':');
        if (colon < 0) {
            return;
        }
        Key key = new Key(UUID.fromString(payload.substring(0, colon)), UUID.fromString(payload.substring(colon + 1)));
        List<SseEmitter> mine = streams.get(key);
        if (mine == null || mine.isEmpty()) {
            return;
        }
        int count = notifications.unread(key.orgId(), key.memberId());
        mine.forEach(emitter -> send(key, emitter, count));
    }

    private void send(Key key, SseEmitter emitter, int count) {
        try {
            emitter.send(SseEmitter.event().name("unread").data(Integer.toString(count)));
        } catch (IOException | IllegalStateException e) {
            remove(key, emitter);
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + Notifications.CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] signals = pg.getNotifications(500);
                    if (signals != null) {
                        for (PGNotification signal : signals) {
                            signalled(signal.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("The bell's LISTEN connection failed; taking another", e);
                    sleep();
                }
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "notify-listen");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        try {
            listener.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        streams.values().forEach(list -> list.forEach(SseEmitter::complete));
        streams.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
