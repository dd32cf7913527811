package io.liaison.task.web;

import io.liaison.task.core.Task;
import io.liaison.task.event.CalendarEvent;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A week or a month of the calendar page in the member's zone: its days, each with the events that
 * touch it and the tasks due on it, by time. A week starts on Monday; a month shows the whole weeks
 * that hold its days.
 */
public record CalendarView(String view, LocalDate day, LocalDate first, LocalDate last, List<List<Day>> weeks) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** One thing on a day: an event ({@code kind} meeting, visit or call) or a task. */
    public record Item(String kind, String title, String time, String link, boolean cancelled, Instant at) {}

    public record Day(LocalDate date, String weekday, boolean today, boolean inMonth, List<Item> items) {

        public String iso() {
            return date.toString();
        }
    }

    /** The days [first, last] that {@code view} ("week" or "month") shows around {@code day}. */
    static CalendarView frame(String view, LocalDate day) {
        if (view.equals("month")) {
            LocalDate first = day.withDayOfMonth(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            LocalDate last =
                    day.with(TemporalAdjusters.lastDayOfMonth()).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            return new CalendarView("month", day, first, last, List.of());
        }
        LocalDate first = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new CalendarView("week", day, first, first.plusDays(6), List.of());
    }

    /** The frame filled with {@code events} and {@code tasks}, seen from {@code zone} on {@code today}. */
    CalendarView fill(List<CalendarEvent> events, List<Task> tasks, ZoneId zone, LocalDate today, Locale locale) {
        List<List<Day>> rows = new ArrayList<>();
        List<Day> row = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            ZonedDateTime start = date.atStartOfDay(zone);
            ZonedDateTime end = date.plusDays(1).atStartOfDay(zone);
            List<Item> items = new ArrayList<>();
            for (CalendarEvent e : events) {
                if (e.startAt().isBefore(end.toInstant()) && e.endAt().isAfter(start.toInstant())) {
                    String time = e.allDay()
                            ? ""
                            : TIME.format(e.startAt().atZone(zone)) + "–"
                                    + TIME.format(e.endAt().atZone(zone));
                    items.add(new Item(
                            e.kind(), e.title(), time, "/calendar/events/" + e.id(), e.cancelled(), e.startAt()));
                }
            }
            for (Task t : tasks) {
                Instant due = t.dueAt();
                if (due != null && !due.isBefore(start.toInstant()) && due.isBefore(end.toInstant())) {
                    items.add(
                            new Item("task", t.title(), TIME.format(due.atZone(zone)), "/tasks/" + t.id(), false, due));
                }
            }
            items.sort(Comparator.comparing(Item::at));
            row.add(new Day(
                    date,
                    date.getDayOfWeek().getDisplayName(TextStyle.SHORT, locale),
                    date.equals(today),
                    view.equals("week") || date.getMonth() == day.getMonth(),
                    items));
            if (row.size() == 7) {
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        return new CalendarView(view, day, first, last, rows);
    }

    /** The day a step back or forward shows. */
    public LocalDate previous() {
        return view.equals("month") ? day.minusMonths(1) : day.minusWeeks(1);
    }

    public LocalDate next() {
        return view.equals("month") ? day.plusMonths(1) : day.plusWeeks(1);
    }

    /** The heading: the month, or the week's first and last day. */
    public String title(Locale locale) {
        boolean chinese = locale.getLanguage().equals("zh");
        if (view.equals("month")) {
            return DateTimeFormatter.ofPattern(chinese ? "yyyy年M月" : "MMMM yyyy", locale)
                    .format(day);
        }
        DateTimeFormatter format = DateTimeFormatter.ofPattern(chinese ? "yyyy年M月d日" : "MMM d, yyyy", locale);
        return format.format(first) + " – " + format.format(last);
    }
}
