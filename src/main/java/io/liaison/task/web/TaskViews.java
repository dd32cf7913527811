package io.liaison.task.web;

import io.liaison.identity.Actor;
import io.liaison.shared.web.ViewerTimes;
import io.liaison.task.TaskPermissions;
import io.liaison.task.core.Task;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Turns tasks into the rows pages show: the names the task carries of its assignees and of the
 * contacts and groups the viewer sees, and its due time and repetition in the viewer's zone and
 * language.
 */
@Component
class TaskViews {

    private final MessageSource messages;

    TaskViews(MessageSource messages) {
        this.messages = messages;
    }

    List<TaskRow> rows(Actor actor, Collection<Task> tasks) {
        Instant now = Instant.now();
        return tasks.stream()
                .map(task -> new TaskRow(
                        task,
                        task.assigneeNames(),
                        named(task.contactIds(), task.contactNames()),
                        named(task.conversationIds(), task.conversationNames()),
                        due(task, now),
                        task.createdBy().equals(actor.memberId())
                                || task.assigneeIds().contains(actor.memberId())
                                || actor.can(TaskPermissions.MANAGE)))
                .toList();
    }

    TaskRow row(Actor actor, Task task) {
        return rows(actor, List.of(task)).get(0);
    }

    /** Those of the ids that have a name: the reader sees them. */
    private static List<TaskRow.Named> named(List<UUID> ids, List<@Nullable String> names) {
        List<TaskRow.Named> named = new ArrayList<>();
        for (int i = 0; i < ids.size() && i < names.size(); i++) {
            String name = names.get(i);
            if (name != null) {
                named.add(new TaskRow.Named(ids.get(i), name));
            }
        }
        return named;
    }

    private TaskRow.Due due(Task task, Instant now) {
        if (task.dueAt() == null) {
            return TaskRow.Due.NONE;
        }
        Locale locale = LocaleContextHolder.getLocale();
        String full = ViewerTimes.dateTime(task.dueAt().atOffset(ZoneOffset.UTC), ViewerTimes.zone(), locale);
        return new TaskRow.Due(
                relative(task.dueAt(), now, locale),
                full,
                task.status().equals("open") && task.dueAt().isBefore(now));
    }

    /** How a task repeats in the viewer's words: "Every 2 weeks on Mon, Thu, 10 times in all". */
    String repeatWords(Repeat repeat) {
        Locale locale = LocaleContextHolder.getLocale();
        int every = Integer.parseInt(repeat.every());
        String words;
        if (repeat.kind().equals("weekly") && !repeat.days().isEmpty()) {
            String separator = locale.getLanguage().equals("zh") ? "、" : ", ";
            String days = String.join(
                    separator,
                    repeat.days().stream()
                            .map(day -> messages.getMessage("tasks.weekday." + day, null, locale))
                            .toList());
            words = messages.getMessage("tasks.repeats.weeklyOn", new Object[] {every, days}, locale);
        } else if (repeat.kind().equals("monthly") && repeat.monthDay().equals("-1")) {
            words = messages.getMessage("tasks.repeats.monthlyLast", new Object[] {every}, locale);
        } else if (repeat.kind().equals("monthly") && !repeat.monthDay().isEmpty()) {
            words = messages.getMessage(
                    "tasks.repeats.monthlyOn", new Object[] {every, Integer.parseInt(repeat.monthDay())}, locale);
        } else {
            words = messages.getMessage("tasks.repeats." + repeat.kind(), new Object[] {every}, locale);
        }
        if (!repeat.times().isEmpty()) {
            return messages.getMessage(
                    "tasks.repeats.times", new Object[] {words, Integer.parseInt(repeat.times())}, locale);
        }
        return words;
    }

    /** A reminder in the viewer's words: "At the due time", "15 minutes before", "PT2H before". */
    String reminderWords(Duration before) {
        Locale locale = LocaleContextHolder.getLocale();
        for (String choice : TaskForm.REMINDERS) {
            if (Duration.parse(choice).equals(before)) {
                return messages.getMessage("tasks.reminder." + choice, null, locale);
            }
        }
        return messages.getMessage("tasks.reminder.other", new Object[] {before.toString()}, locale);
    }

    /** "in 5 minutes", "3 hours ago", "in 2 days": the largest unit of at least one, rounded to the nearest. */
    String relative(Instant due, Instant now, Locale locale) {
        Duration gap = Duration.between(now, due);
        long minutes = (gap.abs().toSeconds() + 30) / 60;
        long hours = (minutes + 30) / 60;
        String unit;
        long amount;
        if (minutes < 1) {
            return messages.getMessage("tasks.due.now", null, locale);
        } else if (minutes < 60) {
            unit = "minutes";
            amount = minutes;
        } else if (hours < 24) {
            unit = "hours";
            amount = hours;
        } else {
            unit = "days";
            amount = (hours + 12) / 24;
        }
        return messages.getMessage(
                (gap.isNegative() ? "tasks.due.ago." : "tasks.due.in.") + unit, new Object[] {amount}, locale);
    }
}
