package io.liaison.task;

import io.liaison.access.ContactAccess;
import io.liaison.identity.Actor;
import io.liaison.identity.DataScope;
import io.liaison.shared.CursorPage;
import io.liaison.task.cadence.CadenceService;
import io.liaison.task.cadence.DueContact;
import io.liaison.task.core.Task;
import io.liaison.task.core.TaskAgenda;
import io.liaison.task.event.CalendarEvent;
import io.liaison.task.event.EventService;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the task module tells a member's workbench: their tasks overdue and due today, the overdue tasks
 * of the members whose figures they see, their events of the day and the contacts due for a touch. Every
 * count stops at the cap it is given, so that none of them walks a whole organization.
 */
@Component
public class TaskOverview {

    private final TaskAgenda agenda;
    private final EventService events;
    private final CadenceService cadences;
    private final ContactAccess access;

    TaskOverview(TaskAgenda agenda, EventService events, CadenceService cadences, ContactAccess access) {
        this.agenda = agenda;
        this.events = events;
        this.cadences = cadences;
        this.access = access;
    }

    /** A task on the workbench: what and by when. */
    public record DueTask(UUID id, String title, Instant dueAt) {}

    /** An event of the day: what, of which kind (meeting, visit, call), when. */
    public record DayEvent(UUID id, String title, String kind, Instant startAt, Instant endAt, boolean allDay) {}

    /** A contact due for a touch: who, and since when. */
    public record DueTouch(UUID contactId, String name, Instant dueSince) {}

    /** Some of the items of a list and whether there are more than those. */
    public record Some<T>(List<T> items, boolean more) {}

    /** The open tasks assigned to the member due before {@code to} (from {@code from} when given), at most {@code limit}. */
    public List<DueTask> assignedDue(Actor actor, @Nullable Instant from, Instant to, int limit) {
        return agenda.assignedDue(actor, from, to, limit).stream()
                .map(TaskOverview::dueTask)
                .toList();
    }

    /** How many of {@link #assignedDue}'s tasks there are, counted up to {@code cap}. */
    public int assignedDueCount(Actor actor, @Nullable Instant from, Instant to, int cap) {
        return agenda.assignedDueCount(actor, from, to, cap);
    }

    /**
     * How many open tasks past their due time are assigned to the members whose figures the actor sees
     * (their data scope's members and themselves), counted up to {@code cap}; null for a member whose
     * scope is their own.
     */
    public @Nullable Integer teamOverdueCount(Actor actor, Instant now, int cap) {
        if (actor.dataScope() == DataScope.SELF) {
            return null;
        }
        return agenda.overdueOf(actor, access.figuresOf(actor, "a", "a.member_id"), now, cap);
    }

    /** The confirmed events the member made or attends that overlap [from, to), by start. */
    public List<DayEvent> myEvents(Actor actor, Instant from, Instant to, int limit) {
        return events.mine(actor, from, to, limit).stream()
                .map((CalendarEvent e) -> new DayEvent(e.id(), e.title(), e.kind(), e.startAt(), e.endAt(), e.allDay()))
                .toList();
    }

    /** The contacts the actor sees whose stay-in-touch cadence has lapsed, most overdue first. */
    public Some<DueTouch> dueTouches(Actor actor, int limit) {
        CursorPage<DueContact> page = cadences.due(actor, null, limit);
        return new Some<>(
                page.items().stream()
                        .map(d -> new DueTouch(d.contactId(), d.name(), d.dueSince()))
                        .toList(),
                page.nextCursor() != null);
    }

    private static DueTask dueTask(Task task) {
        return new DueTask(task.id(), task.title(), Objects.requireNonNull(task.dueAt()));
    }
}
