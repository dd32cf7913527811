package io.liaison.task.core;

import io.liaison.chat.ChatConversations;
import io.liaison.contact.ContactAudience;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.shared.LiaisonException;
import io.liaison.task.recurrence.Recurrence;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What a task may say, field by field, each refusal naming its field in the reader's language: the
 * members it is assigned to exist and are active, and its contacts and customer groups are ones its
 * maker sees and is in.
 */
@Component
class TaskChecks {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_ASSIGNEES = 20;
    static final int MAX_CONTACTS = 20;
    static final int MAX_CONVERSATIONS = 10;
    static final int MAX_CHECKLIST = 100;
    static final int MAX_CHECK_ITEM = 500;
    static final int MAX_REMINDERS = 5;
    static final Duration MAX_REMINDER = Duration.ofDays(30);

    private final MemberService members;
    private final ContactAudience contacts;
    private final ChatConversations conversations;

    TaskChecks(MemberService members, ContactAudience contacts, ChatConversations conversations) {
        this.members = members;
        this.contacts = contacts;
        this.conversations = conversations;
    }

    static String title(@Nullable String value) {
        return text("title", value, MAX_TITLE);
    }

    static @Nullable String description(@Nullable String value) {
        return value == null || value.isBlank() ? null : text("description", value, MAX_DESCRIPTION);
    }

    static String priority(@Nullable String value) {
        String priority = value == null ? "normal" : value;
        if (!Task.PRIORITIES.contains(priority)) {
            throw LiaisonException.invalid("priority", "invalid.one-of", String.join(", ", Task.PRIORITIES));
        }
        return priority;
    }

    static String status(@Nullable String value) {
        if (value == null || !Task.STATUSES.contains(value)) {
            throw LiaisonException.invalid("status", "invalid.one-of", String.join(", ", Task.STATUSES));
        }
        return value;
    }

    static String zone(Actor actor, @Nullable String zone) {
        if (zone == null || zone.isBlank()) {
            return actor.timeZone().getId();
        }
        try {
            return ZoneId.of(zone.strip()).getId();
        } catch (DateTimeException e) {
            throw LiaisonException.invalid("timeZone", "invalid.time-zone");
        }
    }

    /** The canonical rule, or {@code null} for none; a repeating task needs a due time to count from. */
    static @Nullable String recurrence(@Nullable String value, boolean hasDue) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!hasDue) {
            throw LiaisonException.invalid("dueAt", "invalid.required");
        }
        return Recurrence.parse(value).rule();
    }

    /** Reminders before the due time, each once, earliest reminder first; they need a due time. */
    static List<Duration> reminders(List<Duration> values, boolean hasDue) {
        if (values.isEmpty()) {
            return List.of();
        }
        if (values.size() > MAX_REMINDERS) {
            throw LiaisonException.tooMany("reminders", MAX_REMINDERS);
        }
        if (!hasDue) {
            throw LiaisonException.invalid("dueAt", "invalid.required");
        }
        for (int i = 0; i < values.size(); i++) {
            Duration before = values.get(i);
            if (before.isNegative() || before.compareTo(MAX_REMINDER) > 0 || before.toSecondsPart() != 0) {
                throw LiaisonException.invalid("reminders[" + i + "]", "invalid.task-reminder", MAX_REMINDER.toDays());
            }
        }
        return values.stream().distinct().sorted((a, b) -> b.compareTo(a)).toList();
    }

    void assignees(Actor actor, List<UUID> ids) {
        if (ids.size() > MAX_ASSIGNEES) {
            throw LiaisonException.tooMany("assigneeIds", MAX_ASSIGNEES);
        }
        Map<UUID, String> active = members.displayNames(actor, ids, true);
        for (int i = 0; i < ids.size(); i++) {
            if (!active.containsKey(ids.get(i))) {
                throw LiaisonException.invalid("assigneeIds[" + i + "]", "invalid.task-assignee", ids.get(i));
            }
        }
    }

    void contacts(Actor actor, List<UUID> ids) {
        if (ids.size() > MAX_CONTACTS) {
            throw LiaisonException.tooMany("contactIds", MAX_CONTACTS);
        }
        Map<UUID, String> seen = contacts.visibleNames(actor, ids);
        for (int i = 0; i < ids.size(); i++) {
            if (!seen.containsKey(ids.get(i))) {
                throw LiaisonException.invalid("contactIds[" + i + "]", "invalid.task-contact", ids.get(i));
            }
        }
    }

    void conversations(Actor actor, List<UUID> ids) {
        if (ids.size() > MAX_CONVERSATIONS) {
            throw LiaisonException.tooMany("conversationIds", MAX_CONVERSATIONS);
        }
        Map<UUID, String> joined = conversations.joined(actor, ids);
        for (int i = 0; i < ids.size(); i++) {
            if (!joined.containsKey(ids.get(i))) {
                throw LiaisonException.invalid("conversationIds[" + i + "]", "invalid.task-conversation", ids.get(i));
            }
        }
    }

    static List<Task.CheckItem> checklist(List<Task.CheckItem> items) {
        if (items.size() > MAX_CHECKLIST) {
            throw LiaisonException.tooMany("checklist", MAX_CHECKLIST);
        }
        for (int i = 0; i < items.size(); i++) {
            text("checklist[" + i + "].text", items.get(i).text(), MAX_CHECK_ITEM);
        }
        return items.stream()
                .map(item -> new Task.CheckItem(item.text().strip(), item.done()))
                .toList();
    }

    static String text(String field, @Nullable String value, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.length() > max) {
            throw LiaisonException.invalid(field, "invalid.length", 1, max);
        }
        return text;
    }
}
