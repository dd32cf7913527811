package io.liaison.integration.change;

import io.liaison.contact.ContactCreated;
import io.liaison.contact.ContactMergeUndone;
import io.liaison.contact.ContactMerged;
import io.liaison.contact.ContactOwnerChanged;
import io.liaison.contact.ContactPurged;
import io.liaison.contact.ContactRestored;
import io.liaison.contact.ContactTrashed;
import io.liaison.contact.ContactUpdated;
import io.liaison.contact.ContactsImported;
import io.liaison.contact.FollowUpRecorded;
import io.liaison.contact.TagsChanged;
import io.liaison.contact.TagsDeleted;
import io.liaison.shared.AuditableEvent;
import io.liaison.shared.FeedEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes each change of a contact into the feed, synchronously and in the transaction that publishes
 * the event, as the audit log does. Deliberately a plain {@link EventListener}, not an {@code
 * ApplicationModuleListener}: the feed row must commit or roll back with its change, so that the feed
 * never misses a committed change nor shows one that was rolled back, and it must take its place in
 * the order (the id of that transaction) of the change itself; a listener after the commit would run
 * in another transaction, later, and could be lost between the two.
 *
 * <p>Contacts' events are read as they are; those of chat, push and task arrive as the {@link
 * AuditableEvent}s and {@link FeedEvent}s they are, since those modules depend on one that depends on
 * integration, and integration may not depend on them in turn.
 */
@Component
class ChangeRecorder {

    private static final String CONTACT = "contact";

    /** The audited changes of other modules that the feed holds, by their audit action. */
    private static final Map<String, String> AUDITED = Map.of(
            "conversation.created", ChangeTypes.CONVERSATION_CREATED,
            "conversation.participants-changed", ChangeTypes.CONVERSATION_PARTICIPANTS_CHANGED,
            "push.sent", ChangeTypes.PUSH_SENT,
            "task.created", ChangeTypes.TASK_CREATED,
            "task.updated", ChangeTypes.TASK_UPDATED,
            "task.completed", ChangeTypes.TASK_COMPLETED,
            "task.deleted", ChangeTypes.TASK_DELETED);

    /** The changes of other modules that are not audited, by their action. */
    private static final Map<String, String> NOTICED = Map.of(
            "message.created", ChangeTypes.MESSAGE_CREATED,
            "event.scheduled", ChangeTypes.EVENT_SCHEDULED,
            "event.cancelled", ChangeTypes.EVENT_CANCELLED);

    private final ChangeRepository changes;

    ChangeRecorder(ChangeRepository changes) {
        this.changes = changes;
    }

    @EventListener
    void on(ContactCreated e) {
        contact(
                e.orgId(),
                ChangeTypes.CONTACT_CREATED,
                e.contactId(),
                e.actorId(),
                Map.of("fields", fields(e.before(), e.after())));
    }

    @EventListener
    void on(ContactUpdated e) {
        contact(
                e.orgId(),
                ChangeTypes.CONTACT_UPDATED,
                e.contactId(),
                e.actorId(),
                Map.of("fields", fields(e.before(), e.after())));
    }

    @EventListener
    void on(ContactTrashed e) {
        contact(e.orgId(), ChangeTypes.CONTACT_TRASHED, e.contactId(), e.actorId(), Map.of());
    }

    @EventListener
    void on(ContactRestored e) {
        contact(e.orgId(), ChangeTypes.CONTACT_RESTORED, e.contactId(), e.actorId(), Map.of());
    }

    /**
     * A merge is one change of the survivor (with the ids merged into it) and one of each merged
     * contact (with the survivor), so that a mirror drops the merged ones and keeps their links.
     */
    @EventListener
    void on(ContactMerged e) {
        List<String> merged = e.mergedIds().stream().map(UUID::toString).toList();
        contact(e.orgId(), ChangeTypes.CONTACT_MERGED, e.survivorId(), e.actorId(), Map.of("mergedIds", merged));
        e.mergedIds()
                .forEach(id -> contact(
                        e.orgId(),
                        ChangeTypes.CONTACT_MERGED,
                        id,
                        e.actorId(),
                        Map.of("mergedInto", e.survivorId().toString())));
    }

    /** An undone merge brings the merged contacts back, and the survivor's fields as they were. */
    @EventListener
    void on(ContactMergeUndone e) {
        contact(e.orgId(), ChangeTypes.CONTACT_UPDATED, e.survivorId(), e.actorId(), Map.of("fields", e.changed()));
        e.restoredIds().forEach(id -> contact(e.orgId(), ChangeTypes.CONTACT_RESTORED, id, e.actorId(), Map.of()));
    }

    /** Nothing of a purged contact remains: its name leaves its earlier changes too. */
    @EventListener
    void on(ContactPurged e) {
        changes.forgetName(e.orgId(), e.contactId());
        changes.insert(
                e.orgId(), ChangeTypes.CONTACT_PURGED, CONTACT, e.contactId(), e.contactId(), null, Map.of(), false);
    }

    @EventListener
    void on(TagsChanged e) {
        List<String> before = ids(e.before().get("tagIds"));
        List<String> after = ids(e.after().get("tagIds"));
        List<String> added = new ArrayList<>(after);
        added.removeAll(before);
        List<String> removed = new ArrayList<>(before);
        removed.removeAll(after);
        contact(
                e.orgId(),
                ChangeTypes.CONTACT_TAGS_CHANGED,
                e.contactId(),
                e.actorId(),
                Map.of("added", added, "removed", removed));
    }

    /** Deleted tags leave their contacts without a {@link TagsChanged} each: one statement records them all. */
    @EventListener
    void on(TagsDeleted e) {
        changes.insertTagsRemoved(e.orgId(), e.actorId(), e.tagIds());
    }

    @EventListener
    void on(ContactOwnerChanged e) {
        Map<String, Object> data = new LinkedHashMap<>();
        put(data, "from", e.before().get("ownerId"));
        put(data, "to", e.after().get("ownerId"));
        contact(e.orgId(), ChangeTypes.CONTACT_OWNER_CHANGED, e.contactId(), e.actorId(), data);
    }

    @EventListener
    void on(FollowUpRecorded e) {
        changes.insert(
                e.orgId(),
                ChangeTypes.FOLLOWUP_RECORDED,
                "follow_up",
                e.followUpId(),
                e.contactId(),
                e.actorId(),
                Map.of("action", e.action(), "fields", fields(e.before(), e.after())),
                true);
    }

    /** The contacts an import created, written in one statement per batch: a large import stays fast. */
    @EventListener
    void on(ContactsImported e) {
        if (!e.createdIds().isEmpty()) {
            changes.insertImported(e.orgId(), e.actorId(), e.jobId(), e.createdIds());
        }
    }

    /**
     * A conversation, push or task changed: the names of the fields, the record's name (a group's or a
     * task's title), and the counts and flags among the new values.
     */
    @EventListener
    void on(AuditableEvent e) {
        String type = AUDITED.get(e.action());
        if (type == null) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("fields", fields(e.before(), e.after()));
        Object name = e.after().containsKey("name")
                ? e.after().get("name")
                : e.before().get("name");
        if (name instanceof String text) {
            data.put("name", text);
        }
        e.after().forEach((field, value) -> {
            if (value instanceof Number || value instanceof Boolean) {
                data.put(field, value);
            }
        });
        changes.insert(e.orgId(), type, e.targetType(), e.targetId(), null, e.actorId(), data, false);
    }

    @EventListener
    void on(FeedEvent e) {
        String type = NOTICED.get(e.action());
        if (type != null) {
            changes.insert(e.orgId(), type, e.targetType(), e.targetId(), null, e.actorId(), e.facts(), false);
        }
    }

    private void contact(UUID orgId, String type, UUID contactId, @Nullable UUID actorId, Map<String, Object> data) {
        changes.insert(orgId, type, CONTACT, contactId, contactId, actorId, data, true);
    }

    /** The names of the fields that changed, never their values. */
    private static List<String> fields(Map<String, @Nullable Object> before, Map<String, @Nullable Object> after) {
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        return List.copyOf(names);
    }

    private static List<String> ids(@Nullable Object value) {
        List<String> ids = new ArrayList<>();
        if (value instanceof Iterable<?> items) {
            items.forEach(item -> ids.add(String.valueOf(item)));
        }
        return ids;
    }

    private static void put(Map<String, Object> data, String key, @Nullable Object value) {
        if (value != null) {
            data.put(key, value.toString());
        }
    }
}
