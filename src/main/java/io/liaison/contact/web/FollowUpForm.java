package io.liaison.contact.web;

import io.liaison.shared.LiaisonException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The follow-up form: a type, the content and when it happened, as a {@code datetime-local} input
 * sends it, read in the server's time zone because the browser sends none.
 */
record FollowUpForm(
        @Nullable String type,
        @Nullable String content,
        @Nullable String occurredAt) {

    /** The types in the order of the select, the commonest first. */
    static final List<String> TYPES = List.of("note", "call", "visit", "meeting", "message", "email");

    static FollowUpForm blank() {
        return new FollowUpForm("note", "", ContactTimes.input(OffsetDateTime.now()));
    }

    @Nullable
    OffsetDateTime at() {
        if (occurredAt == null || occurredAt.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(occurredAt.trim())
                    .atZone(ZoneId.systemDefault())
                    .toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw LiaisonException.invalid("occurredAt", "invalid.date-time");
        }
    }
}
