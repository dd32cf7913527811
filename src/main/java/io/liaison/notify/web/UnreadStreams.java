package io.liaison.notify.web;

import io.liaison.notify.Notifications;
import io.liaison.shared.bus.Signals;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The bell's live count. Browsers on this node hold an {@link SseEmitter} each; every change of a
 * member's unread count sends the signal "org:member" on {@link Notifications#CHANNEL} when its
 * transaction commits, whichever node made it ({@link Signals}). For each such signal with a browser
 * of that member here, the count is read from the database and sent to their streams; the payload
 * carries no count, so a late or repeated signal shows the truth.
 */
@Component
class UnreadStreams implements SmartLifecycle {

    /** How long one stream lives; the browser's EventSource connects again by itself. */
    static final long STREAM_MILLIS = 30 * 60 * 1000L;
    /** At most this many streams per member on a node (tabs), the oldest closed first. */
    static final int MAX_PER_MEMBER = 10;

    private record Key(UUID orgId, UUID memberId) {}

    private final Map<Key, List<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final Notifications notifications;
    private volatile boolean running;

    UnreadStreams(Signals signals, Notifications notifications) {
        this.notifications = notifications;
        signals.listen(Notifications.CHANNEL, this::signalled);
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

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        streams.values().forEach(list -> list.forEach(SseEmitter::complete));
        streams.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
