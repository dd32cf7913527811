package io.liaison.analytics.engagement;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * How engaged a contact is, from its daily figures of the last 13 weeks (today and the 90 days before
 * it, in the organization's days).
 *
 * <p><b>Points of a day.</b> 10 for each follow-up recorded about the contact, 3 for each message its
 * guests wrote, 2 for each message members wrote in its groups; at most 5 follow-ups and 10 messages of
 * each direction count on one day, so that one busy chat does not outweigh weeks of steady contact.
 *
 * <p><b>Score.</b> The sum of the points of the 91 days, each day weighing half as much for every 30
 * days of age (today in full, a day a month ago half, two months ago a quarter), rounded and capped
 * at 100. A follow-up every week for three months scores about 60; a follow-up or an exchange of
 * messages every few days reaches 100.
 *
 * <p><b>Trend.</b> Thirteen weeks of seven days, the last ending today. A week's score is the score the
 * contact would have if every week were like that one, on the same 0 to 100 scale, so that steady
 * activity draws a flat line at the level of the score.
 *
 * <p><b>Direction.</b> The points of the last 30 days against those of the 30 days before: rising when
 * they grew by more than a quarter, falling when they shrank by more than a fifth, steady otherwise;
 * a change of fewer than {@value #NOTICEABLE} points (a message or two) is steady.
 */
public final class EngagementScore {

    public static final int WEEKS = 13;
    /** Today and the 90 days before it. */
    public static final int DAYS = WEEKS * 7;

    static final int HALF_LIFE_DAYS = 30;
    static final int FOLLOW_UP_POINTS = 10;
    static final int MESSAGE_IN_POINTS = 3;
    static final int MESSAGE_OUT_POINTS = 2;
    static final int MOST_FOLLOW_UPS_A_DAY = 5;
    static final int MOST_MESSAGES_A_DAY = 10;
    static final int COMPARED_DAYS = 30;
    static final int NOTICEABLE = 5;
    public static final int MAX_SCORE = 100;

    /** The score of a contact with the same points every day of the 91: what one point a day is worth. */
    private static final double STEADY;

    static {
        double sum = 0;
        for (int age = 0; age < DAYS; age++) {
            sum += decay(age);
        }
        STEADY = sum;
    }

    private EngagementScore() {}

    /** What happened with the contact on one day; a day without a row had nothing. */
    public record Day(LocalDate day, int followUps, int messagesIn, int messagesOut) {

        int points() {
            return FOLLOW_UP_POINTS * Math.min(followUps, MOST_FOLLOW_UPS_A_DAY)
                    + MESSAGE_IN_POINTS * Math.min(messagesIn, MOST_MESSAGES_A_DAY)
                    + MESSAGE_OUT_POINTS * Math.min(messagesOut, MOST_MESSAGES_A_DAY);
        }
    }

    /** A week's score; {@code week} is its first day. */
    public record Week(LocalDate week, int score) {}

    public enum Direction {
        RISING,
        STEADY,
        FALLING;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The score, trend and direction of {@code days} (any order; those outside the 91 days are left out). */
    public record Result(int score, List<Week> trend, Direction direction, boolean active) {}

    /** The first of the 91 days that end on {@code today}. */
    public static LocalDate firstDay(LocalDate today) {
        return today.minusDays(DAYS - 1L);
    }

    public static Result of(List<Day> days, LocalDate today) {
        double score = 0;
        long[] weekPoints = new long[WEEKS];
        long recent = 0;
        long before = 0;
        boolean active = false;
        for (Day d : days) {
            long age = ChronoUnit.DAYS.between(d.day(), today);
            if (age < 0 || age >= DAYS) {
                continue;
            }
            int points = d.points();
            active |= points > 0;
            score += points * decay(age);
            weekPoints[WEEKS - 1 - (int) (age / 7)] += points;
            if (age < COMPARED_DAYS) {
                recent += points;
            } else if (age < 2L * COMPARED_DAYS) {
                before += points;
            }
        }
        List<Week> trend = new ArrayList<>(WEEKS);
        LocalDate first = firstDay(today);
        for (int w = 0; w < WEEKS; w++) {
            trend.add(new Week(first.plusDays(7L * w), capped(weekPoints[w] / 7.0 * STEADY)));
        }
        return new Result(capped(score), trend, direction(recent, before), active);
    }

    static Direction direction(long recent, long before) {
        if (Math.abs(recent - before) < NOTICEABLE) {
            return Direction.STEADY;
        }
        if (recent * 4 > before * 5) {
            return Direction.RISING;
        }
        return recent * 5 < before * 4 ? Direction.FALLING : Direction.STEADY;
    }

    private static double decay(long age) {
        return Math.pow(0.5, age / (double) HALF_LIFE_DAYS);
    }

    private static int capped(double value) {
        return (int) Math.min(MAX_SCORE, Math.round(value));
    }
}
