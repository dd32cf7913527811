package io.liaison.analytics.engagement;

import io.liaison.shared.SqlFragment;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One live contact's daily figures, in one query: those of the days {@code first} to {@code today} and
 * that of the day of its latest contact, each a range of the table's key.
 */
@Repository
class EngagementRepository {

    /** The contact's latest contact and its figures by day, oldest first; no days when none were kept. */
    record Figures(@Nullable OffsetDateTime lastContactedAt, List<EngagementScore.Day> days) {}

    private final JdbcClient jdbc;

    EngagementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The figures of the contact {@code id} if {@code visible} (over the contact row {@code c}, with the
     * organization filter) lets it through and it is not in the trash; {@code zone} is the
     * organization's, whose days the figures count.
     */
    Optional<Figures> find(UUID id, SqlFragment visible, ZoneId zone, LocalDate today) {
        LocalDate first = EngagementScore.firstDay(today);
        SqlFragment query =
                SqlFragment.of("""
                        SELECT c.last_contacted_at, d.day, d.follow_ups, d.messages_in, d.messages_out
                          FROM contact c
                          LEFT JOIN LATERAL (
                                SELECT a.day, a.follow_ups, a.messages_in, a.messages_out
                                  FROM analytics_contact_day a
                                 WHERE a.org_id = c.org_id AND a.contact_id = c.id AND a.day BETWEEN ? AND ?
                                UNION ALL
                                SELECT a.day, a.follow_ups, a.messages_in, a.messages_out
                                  FROM analytics_contact_day a
                                 WHERE a.org_id = c.org_id AND a.contact_id = c.id
                                   AND a.day = (c.last_contacted_at AT TIME ZONE ?::text)::date AND a.day < ?
                          ) d ON TRUE
                         WHERE c.id = ? AND c.trashed_at IS NULL AND\s""", first, today, zone.getId(), first, id).append("", visible, " ORDER BY d.day");
        List<Row> rows = jdbc.sql(query.sql())
                .params(query.params())
                .query((rs, n) -> new Row(
                        rs.getObject("last_contacted_at", OffsetDateTime.class),
                        rs.getObject("day", LocalDate.class),
                        rs.getInt("follow_ups"),
                        rs.getInt("messages_in"),
                        rs.getInt("messages_out")))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<EngagementScore.Day> days = new ArrayList<>();
        for (Row row : rows) {
            if (row.day() != null) {
                days.add(new EngagementScore.Day(row.day(), row.followUps(), row.messagesIn(), row.messagesOut()));
            }
        }
        return Optional.of(new Figures(rows.get(0).lastContactedAt(), days));
    }

    private record Row(
            @Nullable OffsetDateTime lastContactedAt,
            @Nullable LocalDate day,
            int followUps,
            int messagesIn,
            int messagesOut) {}
}
