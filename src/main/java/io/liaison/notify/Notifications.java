package io.liaison.notify;

import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.StoredMessages;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification centre's facade. {@link #raise} is for modules reacting to an event (in their
 * {@code @ApplicationModuleListener}'s transaction); the rest is a member reading their own
 * notifications, and nobody else's: every statement is bound to the actor's organization and id.
 */
@Service
public class Notifications {

    private final NotificationRepository rows;
    private final NotificationKinds kinds;
    private final StoredMessages messages;
    private final NotificationDeliveries deliveries;

    Notifications(
            NotificationRepository rows,
            NotificationKinds kinds,
            StoredMessages messages,
            NotificationDeliveries deliveries) {
        this.rows = rows;
        this.kinds = kinds;
        this.messages = messages;
        this.deliveries = deliveries;
    }

    /**
     * Raises a notification in the caller's transaction: the bell's row (when the member keeps this
     * kind in the app) and the deliveries to their e-mail or robot that their preferences ask for, all
     * committed with the caller's work or not at all. A deactivated member is told nothing.
     *
     * @return the notification's id (also the deliveries' origin)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID raise(NewNotification notification) {
        NotificationKind kind = kinds.find(notification.kind())
                .orElseThrow(
                        () -> new IllegalArgumentException("Unregistered notification kind " + notification.kind()));
        UUID id = Ids.newId();
        if (deliveries.queue(id, kind, notification)) {
            rows.insert(
                    notification.orgId(),
                    id,
                    notification.memberId(),
                    kind.code(),
                    messages.store(notification.title()),
                    messages.store(notification.body()),
                    notification.link());
            rows.signal(notification.orgId(), notification.memberId());
        }
        return id;
    }

    /** The actor's notifications, newest first; {@code unreadOnly} leaves out those they read. */
    @Transactional(readOnly = true)
    public CursorPage<Notification> list(Actor actor, boolean unreadOnly, @Nullable String cursor, int limit) {
        var fetched = rows.page(actor.orgId(), actor.memberId(), unreadOnly, CursorPage.decode(cursor), limit + 1);
        return CursorPage.of(fetched, limit, NotificationRepository.Row::id)
                .map(r -> new Notification(
                        r.id(), r.kind(), text(r.title()), text(r.body()), r.link(), r.createdAt(), r.readAt()));
    }

    /** The PostgreSQL channel that carries "org:member" whenever a member's unread count changes. */
    public static final String CHANNEL = NotificationRepository.CHANNEL;

    @Transactional(readOnly = true)
    public int unread(Actor actor) {
        return unread(actor.orgId(), actor.memberId());
    }

    /** A member's unread count, for the bell's stream, which has the member's ids but no request. */
    @Transactional(readOnly = true)
    public int unread(UUID orgId, UUID memberId) {
        return rows.unread(orgId, memberId);
    }

    /** Marks one of the actor's notifications read; 404 for one that is not theirs. */
    @Transactional
    public void markRead(Actor actor, UUID id) {
        if (!rows.markRead(actor.orgId(), actor.memberId(), id)) {
            throw LiaisonException.notFound("notification", id);
        }
        rows.signal(actor.orgId(), actor.memberId());
    }

    /** Marks every unread notification of the actor read; how many there were. */
    @Transactional
    public int markAllRead(Actor actor) {
        int marked = rows.markAllRead(actor.orgId(), actor.memberId());
        if (marked > 0) {
            rows.signal(actor.orgId(), actor.memberId());
        }
        return marked;
    }

    private String text(String stored) {
        String text = messages.read(stored);
        return text == null ? "" : text;
    }
}
