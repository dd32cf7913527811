package io.liaison.notify;

import io.liaison.contact.ContactCreated;
import io.liaison.contact.ContactOwnerChanged;
import io.liaison.contact.ContactRevealed;
import io.liaison.contact.ContactUpdated;
import io.liaison.shared.Message;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Tells members what others did with contacts that concern them: shared with them, handed to them,
 * made them a collaborator, looked at the full details of a contact they follow.
 *
 * <p>This is the pattern for reacting to another module's event; copy it. Each method is an {@code
 * @ApplicationModuleListener}: the event publication registry records the publication in the
 * transaction of the change, the method runs after that commit in a transaction of its own, where
 * the notifications it raises and their deliveries commit together or not at all; the registry
 * marks the publication complete right after. A node that dies after the change's commit, or a
 * listener that fails, leaves the publication incomplete; a living node delivers it again after ten
 * minutes ({@code shared.events.StaleEventRedelivery}), and so does the next start: nothing is lost. Dying
 * between the listener's commit and that mark repeats the notification: a repeat, never a loss.
 * The change itself never waits for or fails because of a notification. The events' maps come back
 * from the registry as JSON, so ids in them are read as text. The actor is never told of their own
 * action.
 */
@Configuration(proxyBeanMethods = false)
class ContactNotifications {

    static final String SHARED = "contact.shared";
    static final String ASSIGNED = "contact.assigned";
    static final String COLLABORATOR = "contact.collaborator";
    static final String REVEALED = "contact.revealed";
    private static final String TITLE = ".title";
    private static final String BODY = ".body";

    private final Notifications notifications;
    private final MemberNames names;

    ContactNotifications(Notifications notifications, MemberNames names) {
        this.notifications = notifications;
        this.names = names;
    }

    @Bean
    static NotificationKind contactShared() {
        return new NotificationKind(SHARED, "notify.kind.contact.shared", false, Set.of(NotificationKind.IN_APP));
    }

    @Bean
    static NotificationKind contactAssigned() {
        return new NotificationKind(
                ASSIGNED,
                "notify.kind.contact.assigned",
                false,
                Set.of(NotificationKind.IN_APP, NotificationKind.EMAIL));
    }

    @Bean
    static NotificationKind contactCollaborator() {
        return new NotificationKind(
                COLLABORATOR, "notify.kind.contact.collaborator", false, Set.of(NotificationKind.IN_APP));
    }

    @Bean
    static NotificationKind contactRevealed() {
        return new NotificationKind(REVEALED, "notify.kind.contact.revealed", false, Set.of(NotificationKind.IN_APP));
    }

    @ApplicationModuleListener
    void on(ContactCreated event) {
        Map<String, @Nullable Object> after = event.after();
        UUID owner = id(after.get("ownerId"));
        Set<UUID> handed = owner == null ? Set.of() : Set.of(owner);
        tell(event.orgId(), event.actorId(), event.contactId(), ASSIGNED, handed);
        tell(event.orgId(), event.actorId(), event.contactId(), SHARED, added(Map.of(), after, "shareUserIds"));
        tell(
                event.orgId(),
                event.actorId(),
                event.contactId(),
                COLLABORATOR,
                added(Map.of(), after, "collaboratorIds"));
    }

    @ApplicationModuleListener
    void on(ContactUpdated event) {
        tell(
                event.orgId(),
                event.actorId(),
                event.contactId(),
                SHARED,
                added(event.before(), event.after(), "shareUserIds"));
        tell(
                event.orgId(),
                event.actorId(),
                event.contactId(),
                COLLABORATOR,
                added(event.before(), event.after(), "collaboratorIds"));
    }

    @ApplicationModuleListener
    void on(ContactOwnerChanged event) {
        UUID owner = id(event.after().get("ownerId"));
        tell(event.orgId(), event.actorId(), event.contactId(), ASSIGNED, owner == null ? Set.of() : Set.of(owner));
    }

    @ApplicationModuleListener
    void on(ContactRevealed event) {
        tell(event.orgId(), event.actorId(), event.contactId(), REVEALED, Set.of(event.ownerId()));
    }

    private void tell(UUID orgId, @Nullable UUID actorId, UUID contactId, String kind, Set<UUID> recipients) {
        Set<UUID> others = new LinkedHashSet<>(recipients);
        others.remove(actorId);
        if (others.isEmpty()) {
            return;
        }
        Set<UUID> mentioned = new HashSet<>(List.of(contactId));
        if (actorId != null) {
            mentioned.add(actorId);
        }
        Map<UUID, String> known = names.of(orgId, mentioned);
        String actor = MemberNames.name(known, actorId);
        String contact = MemberNames.name(known, contactId);
        for (UUID member : others) {
            notifications.raise(new NewNotification(
                    orgId,
                    member,
                    kind,
                    Message.of("notify." + kind + TITLE, actor, contact),
                    Message.of("notify." + kind + BODY, actor, contact),
                    "/contacts/" + contactId));
        }
    }

    /** The ids in {@code after}'s list {@code field} that {@code before}'s did not have. */
    private static Set<UUID> added(
            Map<String, @Nullable Object> before, Map<String, @Nullable Object> after, String field) {
        Set<UUID> ids = ids(after.get(field));
        ids.removeAll(ids(before.get(field)));
        return ids;
    }

    private static Set<UUID> ids(@Nullable Object list) {
        Set<UUID> ids = new LinkedHashSet<>();
        if (list instanceof Collection<?> values) {
            for (Object value : new ArrayList<>(values)) {
                UUID id = id(value);
                if (id != null) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    private static @Nullable UUID id(@Nullable Object value) {
        if (value instanceof UUID id) {
            return id;
        }
        return value == null ? null : UUID.fromString(value.toString());
    }
}
