package io.liaison.contact.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Times on the contact pages, in the server's time zone: the database answers in UTC, and the
 * follow-up form's {@code datetime-local} input, which carries no zone, is read in the server's zone,
 * so showing both in the same zone keeps a recorded time what the member typed.
 */
@Component("contactTimes")
class ContactTimes {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    public String format(@Nullable OffsetDateTime at) {
        return at == null ? "" : local(at).format(SHOWN);
    }

    /** The value of a {@code datetime-local} input. */
    public static String input(OffsetDateTime at) {
        return local(at).format(INPUT);
    }

    public String inputOf(OffsetDateTime at) {
        return input(at);
    }

    private static ZonedDateTime local(OffsetDateTime at) {
        return at.atZoneSameInstant(ZoneId.systemDefault()).truncatedTo(ChronoUnit.MINUTES);
    }
}
