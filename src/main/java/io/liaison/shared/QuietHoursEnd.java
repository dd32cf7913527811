package io.liaison.shared;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;

/** When quiet hours that hold {@code now} end, in {@code zone} (a member's, an organization's); {@code null} outside them. */
public final class QuietHoursEnd {

    private QuietHoursEnd() {}

    public static @Nullable Instant after(Instant now, ZoneId zone, LocalTime starts, LocalTime ends) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean quiet = starts.isBefore(ends)
                ? !time.isBefore(starts) && time.isBefore(ends)
                : !time.isBefore(starts) || time.isBefore(ends);
        if (!quiet) {
            return null;
        }
        ZonedDateTime end = local.toLocalDate().atTime(ends).atZone(zone);
        return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
    }
}
