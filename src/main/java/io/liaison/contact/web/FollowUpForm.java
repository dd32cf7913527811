package io.liaison.contact.web;

import io.liaison.shared.web.ViewerTimes;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The follow-up form: a type, the content and when it happened, typed as {@code 2026-12-03 13:36}
 * and meant in the viewer's time zone, in which the form also starts at the present minute.
 */
record FollowUpForm(
        @Nullable String type,
        @Nullable String content,
        @Nullable String occurredAt) {

    /** The types in the order of the select, the commonest first. */
    static final List<String> TYPES = List.of("note", "call", "visit", "meeting", "message", "email");

    static FollowUpForm blank() {
        return new FollowUpForm("note", "", ViewerTimes.inputNow());
    }

    @Nullable
    OffsetDateTime at() {
        return ViewerTimes.parseDateTime("occurredAt", occurredAt);
    }
}
