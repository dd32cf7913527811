package io.liaison.analytics.workbench;

import io.liaison.analytics.workbench.WorkbenchView.ActivityItem;
import io.liaison.analytics.workbench.WorkbenchView.ChatItem;
import io.liaison.analytics.workbench.WorkbenchView.Count;
import io.liaison.analytics.workbench.WorkbenchView.EventItem;
import io.liaison.analytics.workbench.WorkbenchView.TaskItem;
import io.liaison.analytics.workbench.WorkbenchView.Team;
import io.liaison.analytics.workbench.WorkbenchView.TouchItem;
import io.liaison.chat.UnreadChats;
import io.liaison.contact.ContactFilter;
import io.liaison.contact.ContactService;
import io.liaison.contact.RecentContacts;
import io.liaison.identity.Actor;
import io.liaison.identity.DataScope;
import io.liaison.review.ReviewFindings;
import io.liaison.task.TaskOverview;
import io.liaison.task.TaskOverview.Some;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gathers the workbench of the signed-in member from the modules that own each figure: contacts, tasks,
 * events and cadences, review findings, chats. Each count is bounded by its module (contacts at the
 * contact list's bound, the others at {@value #BOUND}) and each list holds at most {@value #SHOWN}
 * items; "today" and "this week" are the member's, in their time zone.
 */
@Service
public class Workbench {

    /** The most items a list of the workbench shows. */
    public static final int SHOWN = 5;

    /** Counts of tasks, touches and chats stop here; beyond it the workbench says "99+". */
    public static final int BOUND = 99;

    private final ContactService contacts;
    private final RecentContacts recent;
    private final TaskOverview tasks;
    private final ReviewFindings findings;
    private final UnreadChats chats;

    Workbench(
            ContactService contacts,
            RecentContacts recent,
            TaskOverview tasks,
            ReviewFindings findings,
            UnreadChats chats) {
        this.contacts = contacts;
        this.recent = recent;
        this.tasks = tasks;
        this.findings = findings;
        this.chats = chats;
    }

    /** The member's workbench, read in one transaction (one connection for all its queries). */
    @Transactional(readOnly = true)
    public WorkbenchView of(Actor actor) {
        ZoneId zone = actor.timeZone();
        Instant now = Instant.now();
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant tomorrow = today.plusDays(1).atStartOfDay(zone).toInstant();
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        OffsetDateTime weekStart = monday.atStartOfDay(zone).toOffsetDateTime();

        Some<TaskOverview.DueTouch> touches = tasks.dueTouches(actor, SHOWN);
        UnreadChats.Summary chat = chats.of(actor);
        return new WorkbenchView(
                zone.getId(),
                today,
                monday,
                contactCount(actor, mine(actor, null)),
                contactCount(actor, mine(actor, weekStart)),
                Count.bounded(tasks.assignedDueCount(actor, null, now, BOUND + 1), BOUND),
                taskItems(tasks.assignedDue(actor, null, now, SHOWN)),
                Count.bounded(tasks.assignedDueCount(actor, now, tomorrow, BOUND + 1), BOUND),
                taskItems(tasks.assignedDue(actor, now, tomorrow, SHOWN)),
                tasks.myEvents(actor, today.atStartOfDay(zone).toInstant(), tomorrow, SHOWN).stream()
                        .map(e -> new EventItem(e.id(), e.title(), e.kind(), e.startAt(), e.endAt(), e.allDay()))
                        .toList(),
                new Count(touches.items().size(), !touches.more()),
                touches.items().stream()
                        .map(t -> new TouchItem(t.contactId(), t.name(), t.dueSince()))
                        .toList(),
                findings.openCounts(actor),
                Count.bounded(chat.conversations(), BOUND),
                chat.latest().stream()
                        .limit(SHOWN)
                        .map(c -> new ChatItem(c.conversationId(), c.name(), c.unread(), c.lastMessageAt()))
                        .toList(),
                recent.ofMember(actor, SHOWN).stream()
                        .map(r -> new ActivityItem(
                                r.contactId(),
                                r.name(),
                                r.lastContactedAt().toInstant(),
                                r.followUpType(),
                                r.followUpSnippet()))
                        .toList(),
                team(actor, now, weekStart));
    }

    /** The scope's figures, for a member whose data scope covers more than their own contacts. */
    private @Nullable Team team(Actor actor, Instant now, OffsetDateTime weekStart) {
        Integer overdue = tasks.teamOverdueCount(actor, now, BOUND + 1);
        if (actor.dataScope() == DataScope.SELF || overdue == null) {
            return null;
        }
        return new Team(
                actor.dataScope().name(),
                contactCount(actor, filter(null, null)),
                contactCount(actor, filter(null, weekStart)),
                Count.bounded(overdue, BOUND));
    }

    private Count contactCount(Actor actor, ContactFilter filter) {
        var count = contacts.count(actor, filter);
        return new Count(count.count(), count.exact());
    }

    private static ContactFilter mine(Actor actor, @Nullable OffsetDateTime createdAfter) {
        return filter(actor, createdAfter);
    }

    /** Live contacts (followed by the actor when given), created from {@code createdAfter} when given. */
    private static ContactFilter filter(@Nullable Actor owner, @Nullable OffsetDateTime createdAfter) {
        return new ContactFilter(
                null,
                List.of(),
                true,
                owner == null ? null : owner.memberId(),
                null,
                null,
                null,
                createdAfter,
                null,
                null,
                null,
                null,
                Map.of());
    }

    private static List<TaskItem> taskItems(List<TaskOverview.DueTask> due) {
        return due.stream().map(t -> new TaskItem(t.id(), t.title(), t.dueAt())).toList();
    }
}
