package io.liaison.audit.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.audit.AuditEntry;
import io.liaison.audit.AuditQuery;
import io.liaison.audit.AuditService;
import io.liaison.identity.Actor;
import io.liaison.identity.IdentityPermissions;
import io.liaison.shared.CursorPage;
import io.liaison.shared.CustomFieldLabels;
import io.liaison.shared.RecordNames;
import io.liaison.shared.web.RecordLinks;
import io.liaison.shared.web.ValueWords;
import io.liaison.shared.web.ViewerTimes;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The audit log for administrators: the filter bar and "load more" answer table rows over htmx. The
 * record filter finds a contact, member, department or tag by a name it had (or by its id). Dates
 * are days of the viewer's time zone, which is the zone the times are shown in.
 */
@Controller
@RequestMapping("/audit")
class AuditPages {

    static final int PAGE_SIZE = 50;

    private final AuditService audit;
    private final ValueWords words;
    private final CustomFieldLabels fieldLabels;

    AuditPages(AuditService audit, ValueWords words, CustomFieldLabels fieldLabels) {
        this.audit = audit;
        this.words = words;
        this.fieldLabels = fieldLabels;
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
        return "audit/events";
    }

    @HxRequest
    @GetMapping
    String rows(Actor actor, ListQuery query, Model model) {
        String target = blankToNull(query.target());
        UUID targetId = id(target);
        String who = blankToNull(query.actor());
        UUID actorId = id(who);
        AuditQuery filter = new AuditQuery(
                actorId,
                actorId == null ? who : null,
                null,
                targetId,
                targetId == null ? target : null,
                blankToNull(query.action()),
                day("from", query.from(), 0),
                day("to", query.to(), 1));
        CursorPage<AuditEntry> page = audit.list(actor, filter, query.cursor(), PAGE_SIZE);
        Locale locale = LocaleContextHolder.getLocale();
        boolean managesMembers = actor.can(IdentityPermissions.MEMBER_MANAGE);
        Map<String, String> labels = fieldLabels.labels(actor.orgId());
        model.addAttribute("query", query);
        model.addAttribute(
                "page",
                page.map(e -> AuditRow.of(
                        e,
                        words,
                        new ValueWords.Reading(
                                locale,
                                e.names(),
                                labels,
                                AuditRow.KINDS::get,
                                (kind, id) -> RecordLinks.href(kind, id, managesMembers)))));
        return "audit/events :: rows";
    }

    /** The record and actor filters take an id as well as a name. */
    private static @Nullable UUID id(@Nullable String text) {
        if (text == null || !RecordNames.UUID_TEXT.matcher(text).matches()) {
            return null;
        }
        return UUID.fromString(text);
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
