package io.liaison.push.audience;

import io.liaison.push.settings.PushSettings;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The frequency caps at one moment: at most {@code perDay} pushes reach a contact since {@code
 * dayStart} and {@code perMonth} since {@code monthStart} (the organization's day and month; 0: no cap).
 */
public record Caps(int perDay, int perMonth, Instant dayStart, Instant monthStart) {

    public static Caps of(PushSettings settings, Instant now, ZoneId zone) {
        ZonedDateTime today = now.atZone(zone).toLocalDate().atStartOfDay(zone);
        ZonedDateTime month = now.atZone(zone).toLocalDate().withDayOfMonth(1).atStartOfDay(zone);
        return new Caps(settings.perDay(), settings.perMonth(), today.toInstant(), month.toInstant());
    }
}
