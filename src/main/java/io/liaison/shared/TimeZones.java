package io.liaison.shared;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The time zones an organization or a member may choose: the IANA regions ({@code Asia/Shanghai},
 * {@code America/New_York}) and {@code UTC}. Fixed offsets such as {@code +08:00} are refused, as
 * they ignore daylight saving time where a region has it.
 */
public final class TimeZones {

    public static final String RULE = "invalid.time-zone";

    /** China's time, the zone of a Chinese organization unless it chooses another. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public static final ZoneId UTC = ZoneId.of("UTC");

    public static final int MAX_LENGTH = 64;

    private static final Pattern REGION =
            Pattern.compile("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/+-]+");

    /** What a time zone select offers, sorted: every region with {@code UTC} first. */
    public static final List<String> OFFERED = Stream.concat(
                    Stream.of("UTC"),
                    ZoneId.getAvailableZoneIds().stream()
                            .filter(id -> REGION.matcher(id).matches())
                            .sorted())
            .toList();

    private static final Set<String> ACCEPTED = Set.copyOf(OFFERED);

    private TimeZones() {}

    /** The zone of a new organization in {@code locale} that chose none. */
    public static ZoneId forLocale(@Nullable String locale) {
        return locale == null || locale.startsWith("zh") ? CHINA : UTC;
    }

    public static boolean accepted(@Nullable String id) {
        return id != null && ACCEPTED.contains(id);
    }

    /** The zone named {@code id}, or a 400 naming {@code field} when Liaison offers no such zone. */
    public static ZoneId checked(String field, @Nullable String id) {
        String clean = id == null ? "" : id.trim();
        if (!accepted(clean)) {
            throw LiaisonException.invalid(field, RULE);
        }
        return ZoneId.of(clean);
    }
}
