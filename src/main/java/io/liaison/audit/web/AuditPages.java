package io.liaison.audit.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.audit.AuditEntry;
import io.liaison.audit.AuditQuery;
import io.liaison.audit.AuditService;
import io.liaison.identity.Actor;
import io.liaison.identity.Department;
import io.liaison.identity.DepartmentService;
import io.liaison.identity.MemberService;
import io.liaison.shared.CursorPage;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.ViewerTimes;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The audit log for administrators: the filter bar and "load more" answer table rows over htmx. Dates
 * are days of the viewer's time zone, which is the zone the times are shown in.
 */
@Controller
@RequestMapping("/audit")
class AuditPages {

    static final int PAGE_SIZE = 50;

    private final AuditService audit;
    private final MemberService members;
    private final DepartmentService departments;

    AuditPages(AuditService audit, MemberService members, DepartmentService departments) {
        this.audit = audit;
        this.members = members;
        this.departments = departments;
    }

    /** The filters as the filter bar sends them; "load more" repeats them with the cursor. */
    record ListQuery(
            @Nullable String action,
            @Nullable String actor,
            @Nullable String target,
            @Nullable String from,
            @Nullable String to,
            @Nullable String cursor) {}

    @GetMapping
    String page(Actor actor, ListQuery query, Model model) {
        rows(actor, query, model);
        model.addAttribute("actions", audit.actions(actor));
        model.addAttribute("actors", audit.actors(actor));
        return "audit/events";
    }

    @HxRequest
    @GetMapping
    String rows(Actor actor, ListQuery query, Model model) {
        AuditQuery filter = new AuditQuery(
                id("actor", query.actor()),
                null,
                id("target", query.target()),
                blankToNull(query.action()),
                day("from", query.from(), 0),
                day("to", query.to(), 1));
        CursorPage<AuditEntry> page = audit.list(actor, filter, query.cursor(), PAGE_SIZE);
        Map<UUID, String> names = targetNames(actor, page);
        model.addAttribute("query", query);
        model.addAttribute("page", page.map(e -> AuditRow.of(e, names)));
        return "audit/events :: rows";
    }

    private Map<UUID, String> targetNames(Actor actor, CursorPage<AuditEntry> page) {
        Map<UUID, String> names = new HashMap<>(members.displayNames(
                actor,
                page.items().stream()
                        .filter(e -> e.targetType().equals("member"))
                        .map(AuditEntry::targetId)
                        .toList()));
        for (Department d : departments.list(actor)) {
            names.put(d.id(), d.name());
        }
        return names;
    }

    private static @Nullable UUID id(String field, @Nullable String value) {
        String clean = blankToNull(value);
        try {
            return clean == null ? null : UUID.fromString(clean);
        } catch (IllegalArgumentException e) {
            throw LiaisonException.invalid(field, "invalid.not-an-id", clean);
        }
    }

    /** The start of the day, or of the day after for the inclusive end of a range. */
    private static @Nullable OffsetDateTime day(String field, @Nullable String value, int plusDays) {
        LocalDate day = ViewerTimes.parseDate(field, value);
        return day == null ? null : ViewerTimes.startOf(day.plusDays(plusDays));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
