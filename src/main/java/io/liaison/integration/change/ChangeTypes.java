package io.liaison.integration.change;

import java.util.List;

/** The types of change in the feed, which are also the event types a webhook may subscribe to. */
public final class ChangeTypes {

    public static final String CONTACT_CREATED = "contact.created";
    public static final String CONTACT_UPDATED = "contact.updated";
    public static final String CONTACT_TRASHED = "contact.trashed";
    public static final String CONTACT_RESTORED = "contact.restored";
    public static final String CONTACT_PURGED = "contact.purged";
    public static final String CONTACT_TAGS_CHANGED = "contact.tags_changed";
    public static final String CONTACT_OWNER_CHANGED = "contact.owner_changed";
    public static final String CONTACT_MERGED = "contact.merged";
    public static final String FOLLOWUP_RECORDED = "followup.recorded";
    public static final String CONVERSATION_CREATED = "conversation.created";
    public static final String CONVERSATION_PARTICIPANTS_CHANGED = "conversation.participants_changed";
    public static final String MESSAGE_CREATED = "message.created";
    public static final String PUSH_SENT = "push.sent";
    public static final String TASK_CREATED = "task.created";
    public static final String TASK_UPDATED = "task.updated";
    public static final String TASK_COMPLETED = "task.completed";
    public static final String TASK_DELETED = "task.deleted";
    public static final String EVENT_SCHEDULED = "event.scheduled";
    public static final String EVENT_CANCELLED = "event.cancelled";

    /** Every type, contacts first. */
    public static final List<String> ALL = List.of(
            CONTACT_CREATED,
            CONTACT_UPDATED,
            CONTACT_TRASHED,
            CONTACT_RESTORED,
            CONTACT_PURGED,
            CONTACT_TAGS_CHANGED,
            CONTACT_OWNER_CHANGED,
            CONTACT_MERGED,
            FOLLOWUP_RECORDED,
            CONVERSATION_CREATED,
            CONVERSATION_PARTICIPANTS_CHANGED,
            MESSAGE_CREATED,
            PUSH_SENT,
            TASK_CREATED,
            TASK_UPDATED,
            TASK_COMPLETED,
            TASK_DELETED,
            EVENT_SCHEDULED,
            EVENT_CANCELLED);

    private ChangeTypes() {}
}
