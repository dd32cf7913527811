package io.liaison.contact;

import io.liaison.contact.Contact.ContactDraft;
import io.liaison.identity.Actor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What a change of a contact tells: its fields, owner and tags that changed, each as a timeline
 * entry and an event, in the transaction of the change.
 */
@Component
class ContactChanges {

    private final ContactTimeline timeline;
    private final ApplicationEventPublisher events;

    ContactChanges(ContactTimeline timeline, ApplicationEventPublisher events) {
        this.timeline = timeline;
        this.events = events;
    }

    void record(Actor actor, UUID id, ContactDraft old, ContactDraft next) {
        ContactDiff.Change change = ContactDiff.between(old, next);
        if (!change.isEmpty()) {
            List<Map<String, @Nullable Object>> changes = new ArrayList<>();
            change.after().keySet().forEach(field -> {
                Map<String, @Nullable Object> entry = new LinkedHashMap<>();
                entry.put("field", field);
                entry.put("before", change.before().get(field));
                entry.put("after", change.after().get(field));
                changes.add(entry);
            });
            timeline.record(actor.orgId(), id, actor.memberId(), TimelineEntry.UPDATED, Map.of("changes", changes));
            events.publishEvent(
                    new ContactUpdated(actor.orgId(), actor.memberId(), id, change.before(), change.after()));
        }
        if (!old.ownerId().equals(next.ownerId())) {
            timeline.record(
                    actor.orgId(),
                    id,
                    actor.memberId(),
                    TimelineEntry.OWNER_CHANGED,
                    Map.of("from", old.ownerId(), "to", next.ownerId()));
            events.publishEvent(new ContactOwnerChanged(
                    actor.orgId(),
                    actor.memberId(),
                    id,
                    Map.of("ownerId", old.ownerId()),
                    Map.of("ownerId", next.ownerId())));
        }
        List<UUID> added = new ArrayList<>(next.tagIds());
        added.removeAll(old.tagIds());
        List<UUID> removed = new ArrayList<>(old.tagIds());
        removed.removeAll(next.tagIds());
        if (!added.isEmpty() || !removed.isEmpty()) {
            timeline.record(
                    actor.orgId(),
                    id,
                    actor.memberId(),
                    TimelineEntry.TAGS_CHANGED,
                    Map.of("added", added, "removed", removed));
            events.publishEvent(new TagsChanged(
                    actor.orgId(),
                    actor.memberId(),
                    id,
                    Map.of("tagIds", old.tagIds()),
                    Map.of("tagIds", next.tagIds())));
        }
    }
}
