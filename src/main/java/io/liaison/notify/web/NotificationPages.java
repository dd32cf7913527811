package io.liaison.notify.web;

import io.liaison.identity.Actor;
import io.liaison.notify.NotificationKind;
import io.liaison.notify.NotificationKinds;
import io.liaison.notify.NotificationPreferences;
import io.liaison.notify.NotificationPreferences.KindChoice;
import io.liaison.notify.NotificationPreferences.QuietHours;
import io.liaison.notify.Notifications;
import io.liaison.shared.CursorPage;
import io.liaison.shared.LiaisonException;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** My notifications: the list, marking them read, the bell's live stream, and my preferences. */
@Controller
@RequestMapping("/notifications")
class NotificationPages {

    private final Notifications notifications;
    private final NotificationPreferences preferences;
    private final NotificationKinds kinds;
    private final UnreadStreams streams;

    NotificationPages(
            Notifications notifications,
            NotificationPreferences preferences,
            NotificationKinds kinds,
            UnreadStreams streams) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.kinds = kinds;
        this.streams = streams;
    }

    @GetMapping
    String list(
            Actor actor,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        model.addAttribute("page", notifications.list(actor, unread, cursor, CursorPage.DEFAULT_LIMIT));
        model.addAttribute("unreadOnly", unread);
        return "notify/list";
    }

    /** Marks one read and follows its link, or comes back to the list when it has none. */
    @PostMapping("/{id}/read")
    String read(Actor actor, @PathVariable UUID id, @RequestParam(required = false) @Nullable String go) {
        notifications.markRead(actor, id);
        return "redirect:" + (go != null && go.startsWith("/") && !go.startsWith("//") ? go : "/notifications");
    }

    @PostMapping("/read-all")
    String readAll(Actor actor, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", "notify.page.allRead");
        notifications.markAllRead(actor);
        return "redirect:/notifications";
    }

    /** The bell's count as server-sent events: now, then at each change, from any node. */
    @GetMapping(path = "/stream", produces = "text/event-stream")
    SseEmitter stream(Actor actor) {
        return streams.open(actor.orgId(), actor.memberId());
    }

    @GetMapping("/preferences")
    String preferences(Actor actor, Model model) {
        model.addAttribute("prefs", preferences.get(actor));
        model.addAttribute("kinds", kinds.all());
        return "notify/preferences";
    }

    @PostMapping("/preferences")
    String savePreferences(Actor actor, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        List<KindChoice> choices = new ArrayList<>();
        for (NotificationKind kind : kinds.all()) {
            String robot = form.get("robot." + kind.code());
            choices.add(new KindChoice(
                    kind.code(),
                    form.containsKey("inApp." + kind.code()),
                    form.containsKey("email." + kind.code()),
                    robot == null || robot.isBlank() ? null : UUID.fromString(robot)));
        }
        LocalTime starts = time("quietStarts", form.get("quietStarts"));
        LocalTime ends = time("quietEnds", form.get("quietEnds"));
        preferences.put(actor, choices, starts == null || ends == null ? null : new QuietHours(starts, ends));
        redirect.addFlashAttribute("notice", "notify.preferences.saved");
        return "redirect:/notifications/preferences";
    }

    private static @Nullable LocalTime time(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw LiaisonException.invalid(field, "invalid.notify-time");
        }
    }
}
