package io.liaison.task.event;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A meeting, visit or call as its readers see it: when (in its own time zone), where (a place, a
 * link or both), who attends (members and contacts), the reminders each attending member gets before
 * its start, and whether it still takes place. {@code uid} and {@code sequence} are its iCalendar
 * identity, the same in every invitation and feed.
 */
public record CalendarEvent(
        UUID id,

        @Schema(example = "019a1b2c-3d4e-7f00-8000-000000000001@liaison")
        String uid,

        int sequence,
        @Schema(example = "拜访华东客户") String title,
        @Nullable String description,

        @Schema(allowableValues = {"meeting", "visit", "call"})
        String kind,

        Instant startAt,
        Instant endAt,
        @Schema(example = "Asia/Shanghai") String timeZone,
        boolean allDay,
        @Nullable String place,
        @Nullable String link,

        @Schema(allowableValues = {"confirmed", "cancelled"})
        String status,

        @Schema(example = "[\"PT15M\", \"P1D\"]") List<String> reminders,
        UUID createdBy,
        String createdByName,
        List<UUID> memberIds,
        List<UUID> contactIds,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    public static final List<String> KINDS = List.of("meeting", "visit", "call");

    public boolean cancelled() {
        return status.equals("cancelled");
    }

    /** The same event at another iCalendar sequence and status, as an invitation tells it. */
    CalendarEvent told(int sequence, String status) {
        return new CalendarEvent(
                id,
                uid,
                sequence,
                title,
                description,
                kind,
                startAt,
                endAt,
                timeZone,
                allDay,
                place,
                link,
                status,
                reminders,
                createdBy,
                createdByName,
                memberIds,
                contactIds,
                createdAt,
                updatedAt,
                version);
    }
}
