package io.liaison.task.recurrence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.shared.LiaisonException;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A repeating task keeps its wall-clock time in its own zone: across New York's daylight-saving changes
 * of 2026 (8 March, 1 November) and in Shanghai, which has none; the rules outside Liaison's subset are
 * refused.
 */
class RecurrenceTests {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aWeeklyTaskStaysAtNineInNewYorkAcrossTheSpringChange() {
        Recurrence weekly = Recurrence.parse("FREQ=WEEKLY;BYDAY=MO,TH");
        ZonedDateTime first = ZonedDateTime.of(LocalDateTime.of(2026, 3, 2, 9, 0), NEW_YORK);

        List<ZonedDateTime> dates = weekly.between(first, first, first.plusWeeks(2), 10);

        assertThat(dates)
                .extracting(ZonedDateTime::toLocalDateTime)
                .containsExactly(
                        LocalDateTime.of(2026, 3, 2, 9, 0),
                        LocalDateTime.of(2026, 3, 5, 9, 0),
                        LocalDateTime.of(2026, 3, 9, 9, 0),
                        LocalDateTime.of(2026, 3, 12, 9, 0));
        assertThat(dates.get(1).getOffset().getTotalSeconds())
                .as("EST before 8 March")
                .isEqualTo(-5 * 3600);
        assertThat(dates.get(2).getOffset().getTotalSeconds())
                .as("EDT after it")
                .isEqualTo(-4 * 3600);
        assertThat(dates.get(2).toInstant().toString()).isEqualTo("2026-03-09T13:00:00Z");
    }

    @Test
    void aDailyTaskKeepsItsHourOverTheAutumnChangeAndItsNextFollowsTheSameRule() {
        Recurrence daily = Recurrence.parse("FREQ=DAILY;INTERVAL=1");
        ZonedDateTime first = ZonedDateTime.of(LocalDateTime.of(2026, 10, 31, 8, 30), NEW_YORK);

        ZonedDateTime next = daily.next(first, first).orElseThrow();

        assertThat(next.toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 11, 1, 8, 30));
        assertThat(next.toInstant().toString()).as("EST from 1 November, 02:00").isEqualTo("2026-11-01T13:30:00Z");
        assertThat(first.toInstant().toString()).isEqualTo("2026-10-31T12:30:00Z");
    }

    @Test
    void aMonthlyTaskOnTheLastDayAndOnTheFifteenthInShanghaiEndsOnItsDay() {
        Recurrence monthly = Recurrence.parse("freq=monthly;bymonthday=15,-1;until=20260331");
        ZonedDateTime first = ZonedDateTime.of(LocalDateTime.of(2026, 1, 15, 10, 0), SHANGHAI);

        List<ZonedDateTime> dates = monthly.between(first, first, first.plusYears(1), 20);

        assertThat(dates)
                .extracting(ZonedDateTime::toLocalDateTime)
                .containsExactly(
                        LocalDateTime.of(2026, 1, 15, 10, 0),
                        LocalDateTime.of(2026, 1, 31, 10, 0),
                        LocalDateTime.of(2026, 2, 15, 10, 0),
                        LocalDateTime.of(2026, 2, 28, 10, 0),
                        LocalDateTime.of(2026, 3, 15, 10, 0),
                        LocalDateTime.of(2026, 3, 31, 10, 0));
        assertThat(monthly.rule()).isEqualTo("FREQ=MONTHLY;BYMONTHDAY=15,-1;UNTIL=20260331");
        assertThat(monthly.next(first, dates.get(5)))
                .as("the series ended on 31 March")
                .isEmpty();
    }

    @Test
    void everyOtherWeekOnFridayStopsAfterItsCount() {
        Recurrence fortnightly = Recurrence.parse("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;COUNT=3");
        ZonedDateTime first = ZonedDateTime.of(LocalDateTime.of(2026, 12, 4, 17, 0), SHANGHAI);

        List<ZonedDateTime> dates = fortnightly.between(first, first, first.plusYears(1), 10);

        assertThat(dates).hasSize(3).allSatisfy(d -> {
            assertThat(d.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
            assertThat(d.toLocalTime()).isEqualTo(LocalTime.of(17, 0));
        });
        assertThat(dates.get(2).toLocalDate()).hasToString("2027-01-01");
    }

    @Test
    void rulesOutsideTheSubsetAreRefusedNamingTheField() {
        for (String rule : List.of(
                "",
                "FREQ=YEARLY",
                "FREQ=HOURLY",
                "FREQ=DAILY;BYDAY=MO",
                "FREQ=WEEKLY;BYDAY=1MO",
                "FREQ=MONTHLY;BYMONTHDAY=32",
                "FREQ=WEEKLY;INTERVAL=0",
                "FREQ=WEEKLY;INTERVAL=100",
                "FREQ=DAILY;COUNT=1001",
                "FREQ=DAILY;COUNT=3;UNTIL=20261231",
                "FREQ=DAILY;UNTIL=tomorrow",
                "FREQ=DAILY;BYSETPOS=1",
                "FREQ=DAILY;FREQ=WEEKLY",
                "INTERVAL=2")) {
            assertThatThrownBy(() -> Recurrence.parse(rule))
                    .as(rule)
                    .isInstanceOfSatisfying(
                            LiaisonException.class,
                            e -> assertThat(e.errors())
                                    .extracting(LiaisonException.FieldError::field)
                                    .containsExactly("recurrence"));
        }
    }
}
