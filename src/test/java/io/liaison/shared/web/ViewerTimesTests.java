package io.liaison.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.shared.LiaisonException;
import io.liaison.shared.MessageBundleTests;
import io.liaison.shared.TimeZones;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;

/**
 * Times in the viewer's zone and language, whatever the JVM's zone: this class also runs with the JVM
 * in America/New_York (the {@code time-zones} tag, pom.xml).
 */
@Tag("time-zones")
class ViewerTimesTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** 13:36 in Beijing, as the database answers it: in UTC. */
    static final OffsetDateTime AT = OffsetDateTime.of(2026, 12, 3, 5, 36, 0, 0, ZoneOffset.UTC);

    final ViewerTimes times = new ViewerTimes(MessageBundleTests.bundles());

    @AfterEach
    void forgetTheViewer() {
        LocaleContextHolder.resetLocaleContext();
    }

    static void viewer(Locale locale, ZoneId zone) {
        LocaleContextHolder.setLocaleContext(new SimpleTimeZoneAwareLocaleContext(locale, TimeZone.getTimeZone(zone)));
    }

    @Test
    void datesFollowThePageLanguage() {
        assertThat(ViewerTimes.dateTime(AT, SHANGHAI, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("2026年12月3日 13:36");
        assertThat(ViewerTimes.dateTime(AT, SHANGHAI, Locale.ENGLISH)).isEqualTo("Dec 3, 2026, 1:36 PM");
        assertThat(ViewerTimes.date(AT, SHANGHAI, Locale.SIMPLIFIED_CHINESE)).isEqualTo("2026年12月3日");
        assertThat(ViewerTimes.date(AT, SHANGHAI, Locale.ENGLISH)).isEqualTo("Dec 3, 2026");
    }

    @Test
    void theViewersZoneDecidesTheClockTimeAndEvenTheDay() {
        viewer(Locale.SIMPLIFIED_CHINESE, SHANGHAI);
        assertThat(times.show(AT)).isEqualTo("2026年12月3日 13:36");
        assertThat(times.input(AT)).isEqualTo("2026-12-03 13:36");

        viewer(Locale.ENGLISH, NEW_YORK);
        assertThat(times.show(AT)).isEqualTo("Dec 3, 2026, 12:36 AM");
        assertThat(times.date(AT.minusHours(1))).isEqualTo("Dec 2, 2026");
        assertThat(times.input(AT)).isEqualTo("2026-12-03 00:36");
    }

    @Test
    void withoutAViewerTimesAreChinasNeverTheServers() {
        assertThat(ViewerTimes.zone()).isEqualTo(TimeZones.CHINA);
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(ViewerTimes.zone()).isEqualTo(TimeZones.CHINA);
    }

    @Test
    void recentActivityIsRelativeWithinADay() {
        Instant now = AT.toInstant();
        assertThat(times.relative(AT.minusSeconds(20), now, SHANGHAI, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("刚刚");
        assertThat(times.relative(AT.minusMinutes(3), now, SHANGHAI, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("3 分钟前");
        assertThat(times.relative(AT.minusMinutes(3), now, SHANGHAI, Locale.ENGLISH))
                .isEqualTo("3 minutes ago");
        assertThat(times.relative(AT.minusMinutes(1), now, SHANGHAI, Locale.ENGLISH))
                .isEqualTo("1 minute ago");
        assertThat(times.relative(AT.minusHours(5), now, SHANGHAI, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("5 小时前");
        assertThat(times.relative(AT.minusHours(1), now, SHANGHAI, Locale.ENGLISH))
                .isEqualTo("1 hour ago");
        assertThat(times.relative(AT.minus(Duration.ofHours(25)), now, SHANGHAI, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("2026年12月2日 12:36");
        assertThat(times.relative(AT.plusHours(2), now, SHANGHAI, Locale.ENGLISH))
                .as("a time to come is no recent activity")
                .isEqualTo("Dec 3, 2026, 3:36 PM");
    }

    @Test
    void recentUsesThePresentMoment() {
        viewer(Locale.ENGLISH, NEW_YORK);
        assertThat(times.recent(OffsetDateTime.now().minusMinutes(7))).isEqualTo("7 minutes ago");
        assertThat(times.recent(null)).isEmpty();
    }

    @Test
    void aTypedTimeIsMeantInTheViewersZone() {
        viewer(Locale.SIMPLIFIED_CHINESE, SHANGHAI);
        assertThat(ViewerTimes.parseDateTime("occurredAt", "2026-12-03 13:36"))
                .isEqualTo(OffsetDateTime.of(2026, 12, 3, 13, 36, 0, 0, ZoneOffset.ofHours(8)))
                .isAtSameInstantAs(AT);
        assertThat(ViewerTimes.parseDateTime("occurredAt", " ２０２６/12/3 13：36 ")).isAtSameInstantAs(AT);
        assertThat(ViewerTimes.parseDateTime("occurredAt", "2026-12-03T13:36:00"))
                .isAtSameInstantAs(AT);
        assertThat(ViewerTimes.parseDateTime("occurredAt", "  ")).isNull();

        viewer(Locale.ENGLISH, NEW_YORK);
        assertThat(ViewerTimes.parseDateTime("occurredAt", "2026-12-03 00:36")).isAtSameInstantAs(AT);
        assertThat(ViewerTimes.startOf(LocalDate.of(2026, 7, 1)))
                .isEqualTo(OffsetDateTime.of(2026, 7, 1, 0, 0, 0, 0, ZoneOffset.ofHours(-4)));
    }

    @Test
    void theInputStartsAtThePresentMinuteOfTheViewer() {
        viewer(Locale.SIMPLIFIED_CHINESE, SHANGHAI);
        String now = ZonedDateTime.now(SHANGHAI).format(ViewerTimes.INPUT_DATE_TIME);
        String typed = ViewerTimes.inputNow();
        assertThat(ViewerTimes.parseDateTime("occurredAt", typed).toInstant())
                .isBetween(
                        ViewerTimes.parseDateTime("occurredAt", now).toInstant(),
                        Instant.now().plusSeconds(60));
    }

    @Test
    void wrongDatesAreRefusedNamingTheField() {
        assertRefused(
                () -> ViewerTimes.parseDateTime("occurredAt", "12/03/2026 1:36 PM"), "occurredAt", "invalid.date-time");
        assertRefused(
                () -> ViewerTimes.parseDateTime("occurredAt", "2026-02-30 10:00"), "occurredAt", "invalid.date-time");
        assertRefused(
                () -> ViewerTimes.parseDateTime("occurredAt", "2026-12-03 25:00"), "occurredAt", "invalid.date-time");
        assertRefused(() -> ViewerTimes.parseDate("from", "03/12/2026"), "from", "invalid.date");
        assertRefused(() -> ViewerTimes.parseDate("from", "0000-01-01"), "from", "invalid.year-range");
        assertThat(ViewerTimes.parseDate("from", "2026-1-5")).isEqualTo(LocalDate.of(2026, 1, 5));
    }

    @Test
    void aValidityEndingAtMidnightShowsItsLastDay() {
        viewer(Locale.SIMPLIFIED_CHINESE, SHANGHAI);
        OffsetDateTime end = LocalDate.of(2027, 1, 1).atStartOfDay(SHANGHAI).toOffsetDateTime();
        assertThat(times.lastDay(end)).isEqualTo("2026年12月31日");
        assertThat(times.lastDay(AT)).isEqualTo("2026年12月3日 13:36");
        assertThat(times.day(LocalDate.of(1990, 5, 17))).isEqualTo("1990年5月17日");
    }

    private static void assertRefused(Runnable parse, String field, String rule) {
        assertThatThrownBy(parse::run)
                .isInstanceOfSatisfying(
                        LiaisonException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo(field);
                            assertThat(error.rule().code()).isEqualTo(rule);
                        }));
    }
}
