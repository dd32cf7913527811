package io.liaison.analytics.figures;

import io.liaison.chat.ConversationContactsChanged;
import io.liaison.chat.MessagePosted;
import io.liaison.chat.MessageRecalled;
import io.liaison.chat.ParticipantsChanged;
import io.liaison.contact.ContactCreated;
import io.liaison.contact.ContactMergeUndone;
import io.liaison.contact.ContactMerged;
import io.liaison.contact.ContactOwnerChanged;
import io.liaison.contact.ContactPurged;
import io.liaison.contact.ContactRestored;
import io.liaison.contact.ContactTrashed;
import io.liaison.contact.ContactsImported;
import io.liaison.contact.FollowUpRecorded;
import io.liaison.contact.TagsChanged;
import io.liaison.contact.TagsDeleted;
import io.liaison.identity.OrganizationSettingChanged;
import io.liaison.push.ContactOptedIn;
import io.liaison.push.ContactOptedOut;
import io.liaison.push.PushRecipientEnded;
import io.liaison.task.TaskCompleted;
import io.liaison.task.TaskDeleted;
import io.liaison.task.TaskUpdated;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the figures as events happen: each listener runs after its event's commit, in a transaction
 * of its own, and is retried from the event publication registry until it succeeds. Tags are not
 * followed (figures by tag join the contact's tags when they are read), nor a hand-over as such: it
 * changes owners through {@link ContactOwnerChanged}, {@link ParticipantsChanged} and {@link
 * TaskUpdated}, which are.
 */
@Component
class FigureListeners {

    private final FigureUpdates updates;
    private final FigureRebuilder rebuilder;

    FigureListeners(FigureUpdates updates, FigureRebuilder rebuilder) {
        this.updates = updates;
        this.rebuilder = rebuilder;
    }

    @ApplicationModuleListener
    void on(ContactCreated e) {
        updates.contacts(e.orgId(), List.of(e.contactId()), false);
    }

    @ApplicationModuleListener
    void on(ContactsImported e) {
        updates.contacts(e.orgId(), e.createdIds(), false);
    }

    @ApplicationModuleListener
    void on(ContactOwnerChanged e) {
        updates.contacts(e.orgId(), List.of(e.contactId()), true);
    }

    @ApplicationModuleListener
    void on(ContactTrashed e) {
        updates.contacts(e.orgId(), List.of(e.contactId()), false);
    }

    @ApplicationModuleListener
    void on(ContactRestored e) {
        updates.contacts(e.orgId(), List.of(e.contactId()), false);
    }

    @ApplicationModuleListener
    void on(ContactPurged e) {
        updates.purged(e.orgId(), e.contactId());
    }

    @ApplicationModuleListener
    void on(ContactMerged e) {
        Set<UUID> ids = new LinkedHashSet<>(e.mergedIds());
        ids.add(e.survivorId());
        updates.contacts(e.orgId(), ids, true);
    }

    @ApplicationModuleListener
    void on(ContactMergeUndone e) {
        Set<UUID> ids = new LinkedHashSet<>(e.restoredIds());
        ids.add(e.survivorId());
        updates.contacts(e.orgId(), ids, true);
    }

    @ApplicationModuleListener
    void on(TagsChanged e) {
        updates.tags(e.orgId(), List.of(e.contactId()));
    }

    @ApplicationModuleListener
    void on(TagsDeleted e) {
        updates.tagsDeleted(e.orgId(), e.tagIds());
    }

    @ApplicationModuleListener
    void on(FollowUpRecorded e) {
        List<Instant> at = new ArrayList<>();
        time(e.before()).forEach(at::add);
        time(e.after()).forEach(at::add);
        updates.followUp(e.orgId(), e.contactId(), e.followUpId(), e.actorId(), at);
    }

    @ApplicationModuleListener
    void on(MessagePosted e) {
        updates.message(e.orgId(), e.conversationId(), e.messageId(), e.seq());
    }

    @ApplicationModuleListener
    void on(MessageRecalled e) {
        updates.message(e.orgId(), e.conversationId(), e.messageId(), e.seq());
    }

    @ApplicationModuleListener
    void on(ConversationContactsChanged e) {
        Set<UUID> ids = new LinkedHashSet<>(e.before());
        ids.addAll(e.after());
        updates.contacts(e.orgId(), ids, false);
    }

    @ApplicationModuleListener
    void on(ParticipantsChanged e) {
        if (!e.roles().isEmpty()) {
            updates.conversation(e.orgId(), e.conversationId());
        }
    }

    @ApplicationModuleListener
    void on(PushRecipientEnded e) {
        updates.pushEnded(e.orgId(), e.pushId(), e.senderId(), e.endedAt());
    }

    @ApplicationModuleListener
    void on(ContactOptedOut e) {
        updates.optOut(e.orgId(), e.contactId());
    }

    @ApplicationModuleListener
    void on(ContactOptedIn e) {
        updates.optOut(e.orgId(), e.contactId());
    }

    @ApplicationModuleListener
    void on(TaskCompleted e) {
        updates.task(e.orgId(), e.taskId());
    }

    @ApplicationModuleListener
    void on(TaskUpdated e) {
        updates.task(e.orgId(), e.taskId());
    }

    @ApplicationModuleListener
    void on(TaskDeleted e) {
        updates.task(e.orgId(), e.taskId());
    }

    /** Another time zone moves every day: the organization's figures are computed again. */
    @ApplicationModuleListener
    void on(OrganizationSettingChanged e) {
        if (e.after().containsKey("timeZone")) {
            rebuilder.rebuildHere(e.orgId());
        }
    }

    /** A follow-up's time as its event carries it ({@code occurredAt}), if it does. */
    private static List<Instant> time(Map<String, @Nullable Object> values) {
        Object at = values.get(FollowUpRecorded.OCCURRED_AT);
        return at == null
                ? List.of()
                : List.of(OffsetDateTime.parse(at.toString()).toInstant());
    }
}
