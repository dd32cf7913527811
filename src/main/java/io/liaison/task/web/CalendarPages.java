package io.liaison.task.web;

import io.liaison.identity.Actor;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.ViewerTimes;
import io.liaison.task.core.TaskAgenda;
import io.liaison.task.event.EventService;
import io.liaison.task.feed.CalendarFeeds;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The calendar: a week (a list of days on a phone) or a month of the member's events and the tasks
 * they see falling due, in their zone; and their private calendar feed, made, renewed or turned off.
 */
@Controller
@RequestMapping("/calendar")
class CalendarPages {

    static final int MAX_TASKS = 500;

    private final EventService events;
    private final TaskAgenda tasks;
    private final CalendarFeeds feeds;

    CalendarPages(EventService events, TaskAgenda tasks, CalendarFeeds feeds) {
        this.events = events;
        this.tasks = tasks;
        this.feeds = feeds;
    }

    @GetMapping
    String calendar(
            Actor actor,
            @RequestParam(defaultValue = "week") String view,
            @RequestParam(required = false) @Nullable String day,
            Model model) {
        ZoneId zone = actor.timeZone();
        LocalDate today = LocalDate.now(zone);
        LocalDate shown;
        try {
            LocalDate asked = ViewerTimes.parseDate("day", day);
            shown = asked == null ? today : asked;
        } catch (LiaisonException e) {
            shown = today;
        }
        CalendarView frame = CalendarView.frame(view.equals("month") ? "month" : "week", shown);
        Instant from = frame.first().atStartOfDay(zone).toInstant();
        Instant to = frame.last().plusDays(1).atStartOfDay(zone).toInstant();
        Locale locale = LocaleContextHolder.getLocale();
        CalendarView filled =
                frame.fill(events.between(actor, from, to), tasks.due(actor, from, to, MAX_TASKS), zone, today, locale);
        model.addAttribute("calendar", filled);
        model.addAttribute("heading", filled.title(locale));
        model.addAttribute("zone", zone.getId());
        model.addAttribute("feedExists", feeds.exists(actor));
        return "task/calendar";
    }

    /** Makes the member's feed or a new URL for it, shown once on the page it returns to. */
    @PostMapping("/feed")
    String feed(Actor actor, RedirectAttributes flash) {
        flash.addFlashAttribute("feedUrl", feeds.create(actor));
        flash.addFlashAttribute("notice", "calendar.feed.made");
        return "redirect:/calendar#feed";
    }

    @PostMapping("/feed/revoke")
    String revoke(Actor actor, RedirectAttributes flash) {
        feeds.revoke(actor);
        flash.addFlashAttribute("notice", "calendar.feed.revoked");
        return "redirect:/calendar#feed";
    }
}
