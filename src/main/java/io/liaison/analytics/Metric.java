package io.liaison.analytics;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A figure kept by day in {@code analytics_member_day}, with the member it counts for. Days are the
 * organization's days (its time zone). A contact-derived figure follows the contact's current owner and
 * can also be read by tag from {@code analytics_contact_day}.
 */
public enum Metric {
    /** Contacts created that day (trashed ones too, until purged); the contact's owner. */
    NEW_CONTACTS("contacts.new", true),
    /** Contacts with a follow-up or a message that day; the contact's owner. */
    ACTIVE_CONTACTS("contacts.active", true),
    /** Follow-ups recorded about contacts, by type, dated by when they happened; their author. */
    FOLLOW_UPS_NOTE("follow-ups.note", false),
    FOLLOW_UPS_CALL("follow-ups.call", false),
    FOLLOW_UPS_VISIT("follow-ups.visit", false),
    FOLLOW_UPS_MEETING("follow-ups.meeting", false),
    FOLLOW_UPS_MESSAGE("follow-ups.message", false),
    FOLLOW_UPS_EMAIL("follow-ups.email", false),
    /** Members' messages in external groups, not recalled; their author. */
    MESSAGES_SENT("messages.sent", false),
    /** Guests' messages in external groups, not recalled; the group's owner. */
    MESSAGES_RECEIVED("messages.received", false),
    /** Guests' questions (analytics_reply rows) asked that day; the group's owner. */
    QUESTIONS("replies.asked", false),
    /** Of those, the ones a member answered (at any later time); the group's owner. */
    ANSWERED("replies.answered", false),
    /** External groups with at least one message that day; the group's owner. */
    ACTIVE_GROUPS("groups.active", false),
    /** Push recipients reached (ended sent or delivered) that day; the push's sender. */
    PUSH_REACHED("push.reached", false),
    /** Push recipients whose delivery failed that day; the push's sender. */
    PUSH_FAILED("push.failed", false),
    /** Contacts who opted out of pushes that day; the contact's owner. */
    OPT_OUTS("push.opt-outs", true),
    /** Tasks completed that day; each assignee. */
    TASKS_DONE("tasks.done", false),
    /** Of those, the ones completed by their due time (or without one); each assignee. */
    TASKS_ON_TIME("tasks.on-time", false);

    /** The periods a figure counted once a period is kept by, besides days: {@code week}, {@code month}. */
    public static final List<String> PERIOD_UNITS = List.of("week", "month");

    /**
     * Where a contact can come from ({@code contact.source}): new contacts are kept by source too, under
     * {@link #code(String)} of {@link #NEW_CONTACTS} ({@code contacts.new@import}).
     */
    public static final List<String> SOURCES = List.of("manual", "import", "api", "form", "sync");

    private final String code;
    private final boolean byContactOwner;

    Metric(String code, boolean byContactOwner) {
        this.code = code;
        this.byContactOwner = byContactOwner;
    }

    /** The name stored in {@code analytics_member_day.metric} and used in the API's path. */
    public String code() {
        return code;
    }

    /**
     * Does the figure count each contact or group once a period, so that a week's or a month's value is
     * not the sum of its days? Those are kept by ISO week and by month as well, under {@link #code(String)}.
     */
    public boolean distinctByPeriod() {
        return this == ACTIVE_CONTACTS || this == ACTIVE_GROUPS;
    }

    /**
     * The name stored for a part of the figure: by {@code week} or {@code month} on the period's first
     * day (a Monday, the first of the month), as {@code contacts.active@week}; of one source, as
     * {@code contacts.new@import}; or {@code contacts.active@last}, contacts by their last active day.
     */
    public String code(String unit) {
        return code + "@" + unit;
    }

    /** The names stored for these parts of the figure ({@link #code(String)} of each). */
    public String[] codes(List<String> parts) {
        return parts.stream().map(this::code).toArray(String[]::new);
    }

    /** The part a name stored by {@link #code(String)} names: {@code import} of {@code contacts.new@import}. */
    public String partOf(String stored) {
        String prefix = code("");
        if (!stored.startsWith(prefix)) {
            throw new IllegalArgumentException(stored + " is not a part of " + code);
        }
        return stored.substring(prefix.length());
    }

    /** Does the figure count for the contact's current owner (and so move when the owner changes)? */
    public boolean byContactOwner() {
        return byContactOwner;
    }

    public static Optional<Metric> of(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }
}
