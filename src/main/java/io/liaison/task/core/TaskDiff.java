package io.liaison.task.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The fields a change to a task changed, with their values before and after, for the audit log and listeners. */
record TaskDiff(Map<String, @Nullable Object> before, Map<String, @Nullable Object> after) {

    static TaskDiff of(Task old, Task now) {
        TaskDiff diff = new TaskDiff(new LinkedHashMap<>(), new LinkedHashMap<>());
        return diff.with("name", old.title(), now.title())
                .with("description", old.description(), now.description())
                .with("priority", old.priority(), now.priority())
                .with("dueAt", text(old.dueAt()), text(now.dueAt()))
                .with("timeZone", old.timeZone(), now.timeZone())
                .with("recurrence", old.recurrence(), now.recurrence())
                .with("reminders", texts(old.reminders()), texts(now.reminders()))
                .with("assigneeIds", texts(old.assigneeIds()), texts(now.assigneeIds()))
                .with("contactIds", texts(old.contactIds()), texts(now.contactIds()))
                .with("conversationIds", texts(old.conversationIds()), texts(now.conversationIds()))
                .with("checklist", checklist(old), checklist(now));
    }

    TaskDiff with(String field, @Nullable Object before, @Nullable Object after) {
        if (!Objects.equals(before, after)) {
            this.before.put(field, before);
            this.after.put(field, after);
        }
        return this;
    }

    boolean isEmpty() {
        return after.isEmpty();
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }

    private static List<String> texts(List<?> values) {
        return values.stream().map(Object::toString).sorted().toList();
    }

    private static List<String> checklist(Task task) {
        return task.checklist().stream()
                .map(item -> (item.done() ? "[x] " : "[ ] ") + item.text())
                .toList();
    }
}
