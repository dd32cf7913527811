package io.liaison.analytics.workbench;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What needs the member's attention today, as the workbench page and {@code GET /api/v1/workbench}
 * show it. Days and the week (from Monday) are the member's, in {@code timeZone}. A count that stopped
 * at its bound says so ({@code exact: false}): there are at least that many.
 */
@Schema(description = "The signed-in member's workbench: what needs attention today")
public record WorkbenchView(
        @Schema(example = "Asia/Shanghai", maxLength = 64) String timeZone,
        @Schema(example = "2026-12-05") LocalDate today,

        @Schema(example = "2026-11-30", description = "The Monday that starts the member's week")
        LocalDate weekStart,

        @Schema(description = "Live contacts the member follows")
        Count myContacts,

        @Schema(description = "Of those, the ones created this week")
        Count myNewThisWeek,

        @Schema(description = "Open tasks assigned to the member, past their due time")
        Count overdueCount,

        List<TaskItem> overdue,

        @Schema(description = "Open tasks assigned to the member due later today")
        Count dueTodayCount,

        List<TaskItem> dueToday,

        @Schema(description = "Confirmed events the member made or attends that take place today")
        List<EventItem> events,

        @Schema(description = "Contacts the member sees whose stay-in-touch cadence has lapsed")
        Count touchesDueCount,

        List<TouchItem> touchesDue,

        @Schema(
                description = "Open review findings on the contacts the member sees, by kind",
                example = "{\"stale\": 12, \"invalid\": 1, \"incomplete\": 4, \"duplicate\": 2}")
        Map<String, Long> findings,

        @Schema(description = "Conversations with messages the member has not read")
        Count unreadChatsCount,

        List<ChatItem> unreadChats,

        @Schema(description = "The member's contacts most recently in touch")
        List<ActivityItem> recentActivity,

        @Schema(description = "The figures of the members the data scope covers; absent for a scope of one's own")
        @Nullable
        Team team) {

    /** A count, and whether it is exact or stopped at its bound (named apart from the contact list's count). */
    @Schema(name = "WorkbenchCount")
    public record Count(
            @Schema(example = "42") int value,
            @Schema(example = "true") boolean exact) {

        public static Count bounded(int counted, int bound) {
            return counted > bound ? new Count(bound, false) : new Count(counted, true);
        }
    }

    /** A task: what and by when. */
    public record TaskItem(
            UUID id,
            @Schema(example = "回访张伟，确认报价", maxLength = 200) String title,
            Instant dueAt) {}

    /** An event of the day. */
    public record EventItem(
            UUID id,
            @Schema(example = "拜访华东客户", maxLength = 200) String title,

            @Schema(
                    allowableValues = {"meeting", "visit", "call"},
                    example = "visit",
                    maxLength = 20)
            String kind,

            Instant startAt,
            Instant endAt,
            @Schema(example = "false") boolean allDay) {}

    /** A contact due for a touch, and since when. */
    public record TouchItem(
            UUID contactId,
            @Schema(example = "张伟", maxLength = 100) String name,
            Instant dueSince) {}

    /** A conversation with unread messages. */
    public record ChatItem(
            UUID conversationId,
            @Schema(example = "华东客户群", maxLength = 1000) String name,
            @Schema(example = "3") long unread,
            @Nullable Instant lastMessageAt) {}

    /** One of the member's contacts lately in touch, with its latest follow-up when it has one. */
    public record ActivityItem(
            UUID contactId,
            @Schema(example = "张伟", maxLength = 100) String name,
            Instant lastContactedAt,

            @Schema(
                    allowableValues = {"note", "call", "visit", "meeting", "message", "email"},
                    example = "call",
                    maxLength = 20)
            @Nullable
            String followUpType,

            @Schema(example = "约了下周二上门演示", maxLength = 80) @Nullable
            String followUpSnippet) {}

    /** The figures of the members the data scope covers, the member included. */
    public record Team(
            @Schema(
                    allowableValues = {"DEPT", "DEPT_TREE", "ALL", "CUSTOM"},
                    example = "DEPT_TREE",
                    maxLength = 20)
            String dataScope,

            @Schema(description = "Live contacts the member sees")
            Count contacts,

            @Schema(description = "Of those, the ones created this week")
            Count newThisWeek,

            @Schema(description = "Open tasks past their due time assigned to the scope's members")
            Count overdueTasks) {}
}
