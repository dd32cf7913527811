package io.liaison.shared.web;

import io.liaison.shared.LiaisonException;
import io.liaison.shared.TimeZones;
import io.liaison.shared.Times;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.stereotype.Component;

/**
 * Times as the viewer of a page sees them: in the viewer's zone (their own, else their
 * organization's, as identity's locale resolver puts it in {@code LocaleContextHolder}) and their
 * language: {@code 2026年12月3日 13:36}, {@code Dec 3, 2026, 1:36 PM}; recent ones as {@code 3 分钟前}.
 * Templates call it as {@code @times}. Inputs take and give {@code 2026-12-03 13:36} (text, not the
 * browser's date inputs, which show the browser's own language and format), read in the same zone.
 */
@Component("times")
public class ViewerTimes {

    /** What a date or date-time input shows and takes. */
    public static final DateTimeFormatter INPUT_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    public static final DateTimeFormatter INPUT_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINESE);
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINESE);
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a", Locale.ENGLISH);
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);

    /** A day as people type it: 2026-12-03, 2026-12-3, 2026/12/03 or 2026.12.03. */
    private static final String DAY = "(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})";

    private static final Pattern DATE = Pattern.compile(DAY);
    private static final Pattern DATE_TIME = Pattern.compile(DAY + "(?:\\s+|T)(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");

    private final MessageSource messages;

    ViewerTimes(MessageSource messages) {
        this.messages = messages;
    }

    /** The viewer's zone; China's for a request without a member (the login page) or outside a request. */
    public static ZoneId zone() {
        return LocaleContextHolder.getLocaleContext() instanceof TimeZoneAwareLocaleContext context
                        && context.getTimeZone() != null
                ? context.getTimeZone().toZoneId()
                : TimeZones.CHINA;
    }

    /** {@code at} as a date and time: {@code 2026年12月3日 13:36}, {@code Dec 3, 2026, 1:36 PM}. */
    public String show(@Nullable OffsetDateTime at) {
        return at == null ? "" : dateTime(at, zone(), LocaleContextHolder.getLocale());
    }

    /** {@link #show} for an instant (a module that keeps {@code Instant}s, such as the delivery log). */
    public String showInstant(Instant at) {
        return show(at.atOffset(ZoneOffset.UTC));
    }

    /** The day of {@code at}: {@code 2026年12月3日}, {@code Dec 3, 2026}. */
    public String date(@Nullable OffsetDateTime at) {
        return at == null ? "" : date(at, zone(), LocaleContextHolder.getLocale());
    }

    /** A day without a time, such as a birthday, in the viewer's language. */
    public String day(@Nullable LocalDate day) {
        return day == null ? "" : (chinese(LocaleContextHolder.getLocale()) ? CHINESE_DATE : ENGLISH_DATE).format(day);
    }

    /** Recent activity: {@code 3 分钟前} within a day, else {@link #show}; the full time goes in a title. */
    public String recent(@Nullable OffsetDateTime at) {
        return at == null ? "" : relative(at, Instant.now(), zone(), LocaleContextHolder.getLocale());
    }

    /** {@link #recent} for an instant. */
    public String recentInstant(Instant at) {
        return recent(at.atOffset(ZoneOffset.UTC));
    }

    /**
     * The last day of a validity that ends at {@code end}: a token valid until the 3rd ends at the
     * start of the 4th. An end that is no midnight is shown as a time.
     */
    public String lastDay(@Nullable OffsetDateTime end) {
        if (end == null) {
            return "";
        }
        ZonedDateTime local = end.atZoneSameInstant(zone());
        return local.toLocalTime().equals(LocalTime.MIDNIGHT)
                ? day(local.toLocalDate().minusDays(1))
                : show(end);
    }

    /** The value of a date-time input for {@code at}: {@code 2026-12-03 13:36} in the viewer's zone. */
    public String input(@Nullable OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(zone()).format(INPUT_DATE_TIME);
    }

    /** The value of a date-time input that starts at the present minute. */
    public static String inputNow() {
        return ZonedDateTime.now(zone()).format(INPUT_DATE_TIME);
    }

    public static String dateTime(OffsetDateTime at, ZoneId zone, Locale locale) {
        return at.atZoneSameInstant(zone).format(chinese(locale) ? CHINESE : ENGLISH);
    }

    public static String date(OffsetDateTime at, ZoneId zone, Locale locale) {
        return at.atZoneSameInstant(zone).format(chinese(locale) ? CHINESE_DATE : ENGLISH_DATE);
    }

    /** {@code at} seen at {@code now}: just now, minutes or hours ago within a day, else the date and time. */
    public String relative(OffsetDateTime at, Instant now, ZoneId zone, Locale locale) {
        Duration ago = Duration.between(at.toInstant(), now);
        if ((ago.isNegative() && ago.abs().toMinutes() >= 1) || ago.toHours() >= 24) {
            return dateTime(at, zone, locale);
        }
        if (ago.toMinutes() < 1) {
            return messages.getMessage("time.justNow", null, locale);
        }
        return ago.toHours() < 1
                ? messages.getMessage("time.minutesAgo", new Object[] {ago.toMinutes()}, locale)
                : messages.getMessage("time.hoursAgo", new Object[] {ago.toHours()}, locale);
    }

    /**
     * What a date-time input sent, in the viewer's zone; null when empty, a 400 naming {@code field}
     * when it is no date and time.
     */
    public static @Nullable OffsetDateTime parseDateTime(String field, @Nullable String text) {
        String clean = normalized(text);
        if (clean.isEmpty()) {
            return null;
        }
        Matcher m = DATE_TIME.matcher(clean);
        if (!m.matches()) {
            throw LiaisonException.invalid(field, "invalid.date-time");
        }
        try {
            LocalDateTime local = LocalDateTime.of(
                    day(field, m, "invalid.date-time"),
                    LocalTime.of(
                            Integer.parseInt(m.group(4)),
                            Integer.parseInt(m.group(5)),
                            m.group(6) == null ? 0 : Integer.parseInt(m.group(6))));
            return local.atZone(zone()).toOffsetDateTime();
        } catch (DateTimeException e) {
            throw LiaisonException.invalid(field, "invalid.date-time");
        }
    }

    /** What a date input sent; null when empty, a 400 naming {@code field} when it is no date. */
    public static @Nullable LocalDate parseDate(String field, @Nullable String text) {
        String clean = normalized(text);
        if (clean.isEmpty()) {
            return null;
        }
        Matcher m = DATE.matcher(clean);
        if (!m.matches()) {
            throw LiaisonException.invalid(field, "invalid.date");
        }
        return day(field, m, "invalid.date");
    }

    /** The start of {@code day} in the viewer's zone. */
    public static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(zone()).toOffsetDateTime();
    }

    private static LocalDate day(String field, Matcher m, String rule) {
        try {
            LocalDate day = LocalDate.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            return Times.checked(field, day);
        } catch (DateTimeException e) {
            throw LiaisonException.invalid(field, rule);
        }
    }

    /** Full-width digits and colons, as a Chinese input method types them, read as ASCII. */
    private static String normalized(@Nullable String text) {
        return text == null
                ? ""
                : Normalizer.normalize(text, Normalizer.Form.NFKC).trim();
    }

    private static boolean chinese(Locale locale) {
        return "zh".equals(locale.getLanguage());
    }
}
