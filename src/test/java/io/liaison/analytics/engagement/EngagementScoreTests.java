package io.liaison.analytics.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.analytics.engagement.EngagementScore.Day;
import io.liaison.analytics.engagement.EngagementScore.Direction;
import io.liaison.analytics.engagement.EngagementScore.Result;
import io.liaison.analytics.engagement.EngagementScore.Week;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The score as the README and the card explain it, from days a salesperson would recognise. */
class EngagementScoreTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    @Test
    void aFollowUpEveryWeekForThreeMonthsScoresAboutSixtyAndDrawsAFlatLineNearIt() {
        List<Day> days = new ArrayList<>();
        for (int week = 0; week < 13; week++) {
            days.add(new Day(TODAY.minusDays(7L * week), 1, 0, 0));
        }
        Result result = EngagementScore.of(days, TODAY);
        assertThat(result.score()).isEqualTo(59);
        assertThat(result.trend()).extracting(Week::score).containsOnly(55);
        assertThat(result.direction()).isEqualTo(Direction.STEADY);
        assertThat(result.active()).isTrue();
    }

    @Test
    void aDayWeighsHalfAsMuchForEveryThirtyDaysOfAge() {
        assertThat(EngagementScore.of(List.of(new Day(TODAY, 1, 0, 0)), TODAY).score())
                .isEqualTo(10);
        assertThat(EngagementScore.of(List.of(new Day(TODAY.minusDays(30), 2, 0, 0)), TODAY)
                        .score())
                .isEqualTo(10);
        assertThat(EngagementScore.of(List.of(new Day(TODAY.minusDays(60), 4, 0, 0)), TODAY)
                        .score())
                .isEqualTo(10);
        assertThat(EngagementScore.of(List.of(new Day(TODAY, 0, 1, 1)), TODAY).score())
                .as("a message from the contact 3 points, one to it 2")
                .isEqualTo(5);
    }

    @Test
    void oneBusyDayCountsAtMostItsCapAndTheScoreAtMostAHundred() {
        assertThat(EngagementScore.of(List.of(new Day(TODAY, 0, 500, 0)), TODAY).score())
                .as("at most 10 messages of each direction count on a day")
                .isEqualTo(30);
        assertThat(EngagementScore.of(List.of(new Day(TODAY, 9, 0, 0)), TODAY).score())
                .as("at most 5 follow-ups a day")
                .isEqualTo(50);
        List<Day> daily = new ArrayList<>();
        for (int age = 0; age < 91; age++) {
            daily.add(new Day(TODAY.minusDays(age), 1, 2, 2));
        }
        Result busy = EngagementScore.of(daily, TODAY);
        assertThat(busy.score()).isEqualTo(100);
        assertThat(busy.trend()).extracting(Week::score).containsOnly(100);
    }

    @Test
    void daysOutsideTheThirteenWeeksAndInTheFutureAreLeftOut() {
        Result result = EngagementScore.of(
                List.of(new Day(TODAY.minusDays(91), 5, 0, 0), new Day(TODAY.plusDays(1), 5, 0, 0)), TODAY);
        assertThat(result.score()).isZero();
        assertThat(result.active()).isFalse();
        assertThat(result.trend()).hasSize(13).extracting(Week::score).containsOnly(0);
        assertThat(result.trend().get(0).week()).isEqualTo(TODAY.minusDays(90));
        assertThat(result.trend().get(12).week()).isEqualTo(TODAY.minusDays(6));
    }

    @Test
    void theDirectionComparesTheLastThirtyDaysWithTheThirtyBefore() {
        assertThat(EngagementScore.direction(20, 10)).isEqualTo(Direction.RISING);
        assertThat(EngagementScore.direction(10, 20)).isEqualTo(Direction.FALLING);
        assertThat(EngagementScore.direction(22, 20))
                .as("a tenth more is steady")
                .isEqualTo(Direction.STEADY);
        assertThat(EngagementScore.direction(3, 0))
                .as("a message where there was nothing is too little to call")
                .isEqualTo(Direction.STEADY);
        assertThat(EngagementScore.direction(0, 10)).isEqualTo(Direction.FALLING);
        assertThat(EngagementScore.direction(0, 0)).isEqualTo(Direction.STEADY);
        List<Day> fading = List.of(new Day(TODAY.minusDays(40), 2, 0, 0), new Day(TODAY.minusDays(5), 0, 1, 0));
        assertThat(EngagementScore.of(fading, TODAY).direction()).isEqualTo(Direction.FALLING);
    }
}
