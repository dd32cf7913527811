package io.liaison.analytics.api;

import io.liaison.analytics.engagement.ContactEngagement.Engagement;
import io.liaison.analytics.engagement.ContactEngagement.Kind;
import io.liaison.analytics.engagement.EngagementScore;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A contact's engagement, as the contact page shows it. */
@Schema(example = """
                {"lastActivityAt": "2026-12-02T06:30:00Z", "lastActivityKind": "follow-up", "score": 64,
                 "trend": [{"week": "2026-09-06", "score": 40}, {"week": "2026-09-13", "score": 55}],
                 "direction": "rising"}""")
record EngagementResponse(
        @Schema(
                description = "The latest recorded contact with the contact: a follow-up or a message;"
                        + " null when there has been none.",
                example = "2026-12-02T06:30:00Z")
        @Nullable
        Instant lastActivityAt,

        @Schema(
                description = "What was recorded on the day of the latest contact: a follow-up if any,"
                        + " else a message from the contact, else one to it; null when that day's figures"
                        + " were not kept.",
                allowableValues = {"follow-up", "message-in", "message-out"},
                maxLength = 20,
                example = "follow-up")
        @Nullable
        String lastActivityKind,

        @Schema(
                description = "Activity over today and the 90 days before, 0 to 100: 10 points a follow-up,"
                        + " 3 a message from the contact, 2 a message to it, each day weighing half as much"
                        + " for every 30 days of age.",
                minimum = "0",
                maximum = "100",
                example = "64")
        int score,

        @ArraySchema(
                arraySchema = @Schema(description = "Thirteen weeks, oldest first, the last ending today."),
                maxItems = EngagementScore.WEEKS)
        List<WeekScore> trend,

        @Schema(
                description = "The last 30 days' activity against the 30 days before.",
                allowableValues = {"rising", "steady", "falling"},
                maxLength = 10,
                example = "rising")
        String direction) {

    /** One week of the trend: the score the contact would have if every week were like this one. */
    record WeekScore(
            @Schema(description = "The week's first day, in the organization's days.", example = "2026-11-29")
            LocalDate week,

            @Schema(minimum = "0", maximum = "100", example = "55")
            int score) {}

    static EngagementResponse of(Engagement e) {
        Kind kind = e.lastActivityKind();
        return new EngagementResponse(
                e.lastActivityAt() == null ? null : e.lastActivityAt().toInstant(),
                kind == null ? null : kind.code(),
                e.score(),
                e.trend().stream().map(w -> new WeekScore(w.week(), w.score())).toList(),
                e.direction().code());
    }
}
