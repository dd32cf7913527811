package io.liaison.analytics.web;

import io.liaison.analytics.workbench.Workbench;
import io.liaison.analytics.workbench.WorkbenchView;
import io.liaison.analytics.workbench.WorkbenchView.EventItem;
import io.liaison.identity.Actor;
import io.liaison.identity.DepartmentService;
import io.liaison.identity.DepartmentTree;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The workbench, the page after login: what needs the member today (tasks, events, contacts due for a
 * touch, review findings, unread chats), their contacts and recent activity, their team's figures when
 * their data scope covers more than their own, each one click from its action; and who they are in
 * which organization.
 */
@Controller
class HomePage {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final DepartmentService departments;
    private final Workbench workbench;

    HomePage(DepartmentService departments, Workbench workbench) {
        this.departments = departments;
        this.workbench = workbench;
    }

    @GetMapping("/")
    String home(Actor actor, Model model) {
        DepartmentTree tree = DepartmentTree.of(departments.list(actor));
        model.addAttribute(
                "myDepartments",
                actor.departmentIds().stream()
                        .map(tree.names()::get)
                        .filter(Objects::nonNull)
                        .toList());
        WorkbenchView view = workbench.of(actor);
        ZoneId zone = actor.timeZone();
        Map<UUID, String> hours = new LinkedHashMap<>();
        for (EventItem e : view.events()) {
            hours.put(
                    e.id(),
                    e.allDay()
                            ? ""
                            : e.startAt().atZone(zone).format(CLOCK) + "–"
                                    + e.endAt().atZone(zone).format(CLOCK));
        }
        model.addAttribute("wb", view);
        model.addAttribute("eventHours", hours);
        model.addAttribute(
                "findingsTotal",
                view.findings().values().stream().mapToLong(Long::longValue).sum());
        return "analytics/home";
    }
}
