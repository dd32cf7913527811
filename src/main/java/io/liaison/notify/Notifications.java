package io.liaison.notify;

import io.liaison.identity.ActiveMembers;
import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.StoredMessages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final PreferenceRepository preferences;
    private final ActiveMembers members;

    Notifications(
            NotificationRepository rows,
            NotificationKinds kinds,
            StoredMessages messages,
            NotificationDeliveries deliveries,
            PreferenceRepository preferences,
            ActiveMembers members) {
        this.rows = rows;
        this.kinds = kinds;
        this.messages = messages;
        this.deliveries = deliveries;
        this.preferences = preferences;
        this.members = members;
    }

    /** The most notifications raised at once. */
    public static final int MAX_BATCH = ActiveMembers.MAX;

    /**
     * Raises a notification in the caller's transaction: the bell's row (when the member keeps this
     * kind in the app) and the deliveries to their e-mail or robot that their preferences ask for, all
     * committed with the caller's work or not at all. A deactivated member is told nothing.
     *
     * @return the notification's id (also the deliveries' origin)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID raise(NewNotification notification) {
        return raiseAll(List.of(notification)).get(0);
    }

    /**
     * Raises each notification as {@link #raise} does, with a statement per kind of work for them all
     * (per organization, as each statement is bound to one): the members and their preferences read at once, the bell's rows inserted and
     * trimmed at once, one signal per member.
     *
     * @return the notifications' ids, in their order
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> raiseAll(List<NewNotification> notifications) {
        if (notifications.size() > MAX_BATCH) {
            throw new IllegalArgumentException("At most " + MAX_BATCH + " notifications at once");
        }
        Map<String, NotificationKind> byCode = new HashMap<>();
        for (NewNotification n : notifications) {
            byCode.computeIfAbsent(
                    n.kind(),
                    code -> kinds.find(code)
                            .orElseThrow(() -> new IllegalArgumentException("Unregistered notification kind " + code)));
        }
        List<UUID> ids = new ArrayList<>(notifications.size());
        Map<UUID, List<NewNotification>> byOrg = new LinkedHashMap<>();
        Map<NewNotification, UUID> idOf = new IdentityHashMap<>();
        for (NewNotification n : notifications) {
            UUID id = Ids.newId();
            ids.add(id);
            idOf.put(n, id);
            byOrg.computeIfAbsent(n.orgId(), org -> new ArrayList<>()).add(n);
        }
        for (var org : byOrg.entrySet()) {
            List<NotificationRepository.NewRow> bell = new ArrayList<>();
            Set<UUID> memberIds = new LinkedHashSet<>();
            org.getValue().forEach(n -> memberIds.add(n.memberId()));
            Map<UUID, Actor> active = new HashMap<>();
            members.actors(org.getKey(), memberIds).forEach(a -> active.put(a.memberId(), a));
            Map<List<Object>, PreferenceRepository.Choice> stored = new HashMap<>();
            if (!active.isEmpty()) {
                preferences
                        .choices(org.getKey(), active.keySet(), byCode.keySet())
                        .forEach(
                                c -> stored.put(List.of(c.memberId(), c.choice().kind()), c.choice()));
            }
            for (NewNotification n : org.getValue()) {
                Actor recipient = active.get(n.memberId());
                if (recipient == null) {
                    continue;
                }
                NotificationKind kind = byCode.get(n.kind());
                var route =
                        deliveries.route(n.orgId(), n.memberId(), kind, stored.get(List.of(n.memberId(), kind.code())));
                UUID id = idOf.get(n);
                if (deliveries.queue(id, kind, n, recipient, route)) {
                    bell.add(new NotificationRepository.NewRow(
                            n.orgId(),
                            id,
                            n.memberId(),
                            kind.code(),
                            messages.store(n.title()),
                            messages.store(n.body()),
                            n.link()));
                }
            }
            rows.insert(bell);
            bell.stream()
                    .map(NotificationRepository.NewRow::memberId)
                    .distinct()
                    .forEach(member -> rows.signal(org.getKey(), member));
        }
        return ids;
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

    /**
     * Marks read, for everyone, the unread notifications of {@code kind} that link to {@code link}: what
     * they told of is settled (a member's holdings handed over), so it no longer waits in anyone's bell.
     */
    @Transactional
    public int settle(UUID orgId, String kind, String link) {
        List<UUID> members = rows.settle(orgId, kind, link);
        members.stream().distinct().forEach(member -> rows.signal(orgId, member));
        return members.size();
    }

    private String text(String stored) {
        String text = messages.read(stored);
        return text == null ? "" : text;
    }
}
