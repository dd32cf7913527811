package io.liaison.task.web;

import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.ViewerTimes;
import io.liaison.task.core.Task;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The task form as posted: the due time typed as {@code 2026-12-03 13:36} and meant in the member's
 * zone, the repetition in plain choices ({@link Repeat}), assignees and contacts as ticked rows, and
 * the checklist one item a line.
 */
record TaskForm(
        @Nullable String title,
        @Nullable String description,
        @Nullable String due,
        @Nullable String priority,
        @Nullable List<UUID> assigneeIds,
        @Nullable List<UUID> contactIds,
        @Nullable List<UUID> conversationIds,
        @Nullable String repeat,
        @Nullable String repeatEvery,
        @Nullable List<String> repeatDays,
        @Nullable String repeatMonthDay,
        @Nullable String repeatTimes,
        @Nullable String repeatUntil,
        @Nullable List<String> reminders,
        @Nullable String checklist,
        @Nullable Long version) {

    /** The reminders the form offers: at the due time, 5 and 15 minutes, an hour and a day before. */
    static final List<String> REMINDERS = List.of("PT0M", "PT5M", "PT15M", "PT1H", "P1D");

    /** A new task for the member, with what the page it was opened from gives. */
    static TaskForm blank(
            UUID self, String title, String description, List<UUID> contactIds, List<UUID> conversationIds) {
        return new TaskForm(
                title,
                description,
                "",
                "normal",
                List.of(self),
                contactIds,
                conversationIds,
                "none",
                "1",
                List.of(),
                "",
                "",
                "",
                List.of(),
                "",
                null);
    }

    static TaskForm of(Task task) {
        Repeat repeat = Repeat.of(task.recurrence());
        return new TaskForm(
                task.title(),
                task.description() == null ? "" : task.description(),
                task.dueAt() == null ? "" : input(task.dueAt()),
                task.priority(),
                task.assigneeIds(),
                task.contactIds(),
                task.conversationIds(),
                repeat.kind(),
                repeat.every(),
                repeat.days(),
                repeat.monthDay(),
                repeat.times(),
                repeat.until(),
                task.reminders().stream().map(TaskForm::choice).toList(),
                String.join(
                        "\n",
                        task.checklist().stream().map(Task.CheckItem::text).toList()),
                (long) task.version());
    }

    private static String input(Instant at) {
        return at.atOffset(ZoneOffset.UTC).atZoneSameInstant(ViewerTimes.zone()).format(ViewerTimes.INPUT_DATE_TIME);
    }

    /** The due time in the member's zone; null when left empty, a 400 at {@code due} when it is no time. */
    @Nullable
    Instant dueAt() {
        OffsetDateTime at = ViewerTimes.parseDateTime("due", due);
        return at == null ? null : at.toInstant();
    }

    public Repeat repetition() {
        return new Repeat(
                Objects.requireNonNullElse(repeat, "none"),
                Objects.requireNonNullElse(repeatEvery, ""),
                Objects.requireNonNullElse(repeatDays, List.of()),
                Objects.requireNonNullElse(repeatMonthDay, ""),
                Objects.requireNonNullElse(repeatTimes, ""),
                Objects.requireNonNullElse(repeatUntil, ""));
    }

    @Override
    public List<UUID> assigneeIds() {
        return Ids.given("assigneeIds", assigneeIds);
    }

    @Override
    public List<UUID> contactIds() {
        return Ids.given("contactIds", contactIds);
    }

    @Override
    public List<UUID> conversationIds() {
        return Ids.given("conversationIds", conversationIds);
    }

    @Override
    public List<String> reminders() {
        return reminders == null ? List.of() : reminders;
    }

    /** The reminders as durations before the due time; a 400 at {@code reminders} for one that is none. */
    List<Duration> reminderDurations() {
        return reminders().stream()
                .map(text -> {
                    try {
                        return Duration.parse(text);
                    } catch (DateTimeParseException e) {
                        throw LiaisonException.invalid("reminders", "invalid.one-of", String.join(", ", REMINDERS));
                    }
                })
                .toList();
    }

    /** The form's spelling of a reminder when it offers it (Java writes PT0M as PT0S, P1D as PT24H). */
    private static String choice(Duration before) {
        return REMINDERS.stream()
                .filter(choice -> Duration.parse(choice).equals(before))
                .findFirst()
                .orElse(before.toString());
    }

    @Override
    public List<String> repeatDays() {
        return repeatDays == null ? List.of() : repeatDays;
    }

    /** The checklist's lines, blank ones left out; each is ticked when {@code ticked} has it ticked. */
    List<Task.CheckItem> checklistItems(List<Task.CheckItem> ticked) {
        if (checklist == null) {
            return List.of();
        }
        return Arrays.stream(checklist.split("\\R"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .map(line -> new Task.CheckItem(
                        line,
                        ticked.stream()
                                .anyMatch(item -> item.done() && item.text().equals(line))))
                .toList();
    }
}
