package io.liaison.analytics.figures;

import io.liaison.analytics.Metric;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The metrics of {@code analytics_member_day} by the source they are counted from, each with the
 * statement that computes its rows (metric, day, member_id, value) for a {@link FigureScope} over
 * members. A cell an event touched is recomputed for its whole group, from the same statement the
 * rebuild runs.
 */
enum MetricGroup {
    /** New and active contacts, from {@code analytics_contact_day}, by the contact's owner. */
    CONTACTS(List.of(Metric.NEW_CONTACTS, Metric.ACTIVE_CONTACTS)) {
        @Override
        String select(FigureScope s) {
            return """
                    SELECT CAST(:mNewContacts AS text) AS metric, d.day, d.owner_id AS member_id,
                           count(*) FILTER (WHERE d.created) AS value
                      FROM analytics_contact_day d WHERE d.org_id = :org %1$s GROUP BY d.day, d.owner_id
                    UNION ALL
                    SELECT CAST(:mActiveContacts AS text), d.day, d.owner_id,
                           count(*) FILTER (WHERE d.follow_ups + d.messages_in + d.messages_out > 0)
                      FROM analytics_contact_day d WHERE d.org_id = :org %1$s GROUP BY d.day, d.owner_id
                    """.formatted(s.onDay("d.owner_id", "d.day"));
        }
    },
    /**
     * Active contacts by ISO week and by month, each contact once a period, by its owner; the day is the
     * period's first. Recomputed with {@link #CONTACTS} over whole periods.
     */
    CONTACT_PERIODS(Metric.ACTIVE_CONTACTS.codes(Metric.PERIOD_UNITS)) {
        @Override
        String select(FigureScope s) {
            return byPeriod(
                    Metric.ACTIVE_CONTACTS,
                    "analytics_contact_day d",
                    "d.contact_id",
                    "d.follow_ups + d.messages_in + d.messages_out > 0",
                    s);
        }
    },
    /** New contacts by where they came from ({@code contact.source}), by the contact's owner. */
    NEW_BY_SOURCE(Metric.NEW_CONTACTS.codes(Metric.SOURCES)) {
        @Override
        String select(FigureScope s) {
            return """
                    SELECT %s || c.source AS metric, d.day, d.owner_id AS member_id, count(*) AS value
                      FROM analytics_contact_day d JOIN contact c ON c.org_id = d.org_id AND c.id = d.contact_id
                     WHERE d.org_id = :org AND d.created %s
                     GROUP BY 1, 2, 3
                    """.formatted("'" + Metric.NEW_CONTACTS.code("") + "'", s.onDay("d.owner_id", "d.day"));
        }
    },
    /**
     * Contacts by the day of their last activity ({@code analytics_contact_last}), by owner: over a range
     * that ends on or after the latest of those days, the active contacts are those from its first day on.
     */
    LAST_ACTIVE(new String[] {Metric.ACTIVE_CONTACTS.code("last")}) {
        @Override
        String select(FigureScope s) {
            return """
                    SELECT '%s' AS metric, l.last_active AS day, l.owner_id AS member_id, count(*) AS value
                      FROM analytics_contact_last l WHERE l.org_id = :org AND l.last_active IS NOT NULL %s
                     GROUP BY 2, 3
                    """.formatted(Metric.ACTIVE_CONTACTS.code("last"), s.onDay("l.owner_id", "l.last_active"));
        }
    },
    /** Opt-outs of contacts still stored, by the day of the opt-out and the contact's owner. */
    OPT_OUTS(List.of(Metric.OPT_OUTS)) {
        @Override
        String select(FigureScope s) {
            return """
                    SELECT CAST(:mOptOuts AS text) AS metric, (o.opted_out_at AT TIME ZONE :tz)::date AS day,
                           c.owner_id AS member_id, count(*) AS value
                      FROM push_opt_out o JOIN contact c ON c.org_id = o.org_id AND c.id = o.contact_id
                     WHERE o.org_id = :org %s
                     GROUP BY 2, 3
                    """.formatted(s.on("c.owner_id", "o.opted_out_at"));
        }
    },
    /** Follow-ups by type, by their author and the day they happened. */
    FOLLOW_UPS(List.of(
            Metric.FOLLOW_UPS_NOTE,
            Metric.FOLLOW_UPS_CALL,
            Metric.FOLLOW_UPS_VISIT,
            Metric.FOLLOW_UPS_MEETING,
            Metric.FOLLOW_UPS_MESSAGE,
            Metric.FOLLOW_UPS_EMAIL)) {
        @Override
        String select(FigureScope s) {
            return """
                    SELECT 'follow-ups.' || f.type AS metric, (f.occurred_at AT TIME ZONE :tz)::date AS day,
                           f.author_id AS member_id, count(*) AS value
                      FROM follow_up f WHERE f.org_id = :org %s
                     GROUP BY 1, 2, 3
                    """.formatted(s.on("f.author_id", "f.occurred_at"));
        }
    },
    /** Members' messages in external groups, not recalled, by their author. */
    MESSAGES_SENT(List.of(Metric.MESSAGES_SENT)) {
        @Override
        String select(FigureScope s) {
            return """
                    SELECT CAST(:mMessagesSent AS text) AS metric, (m.created_at AT TIME ZONE :tz)::date AS day,
                           m.author_id AS member_id, count(*) AS value
                      FROM chat_message m
                      JOIN conversation v ON v.org_id = m.org_id AND v.id = m.conversation_id AND v.kind = 'external'
                     WHERE m.org_id = :org AND m.author_kind = 'member' AND m.recalled_at IS NULL %s
                     GROUP BY 2, 3
                    """.formatted(s.on("m.author_id", "m.created_at"));
        }
    },
    /** Guests' messages and active groups, from {@code analytics_conversation_day}, by the group's owner. */
    GROUPS(List.of(Metric.MESSAGES_RECEIVED, Metric.ACTIVE_GROUPS)) {
        @Override
        String select(FigureScope s) {
            return """
                    SELECT CAST(:mMessagesReceived AS text) AS metric, d.day, d.owner_id AS member_id, sum(d.messages_in) AS value
                      FROM analytics_conversation_day d WHERE d.org_id = :org %1$s GROUP BY d.day, d.owner_id
                    UNION ALL
                    SELECT CAST(:mActiveGroups AS text), d.day, d.owner_id, count(*)
                      FROM analytics_conversation_day d WHERE d.org_id = :org %1$s GROUP BY d.day, d.owner_id
                    """.formatted(s.onDay("d.owner_id", "d.day"));
        }
    },
    /** Active groups by ISO week and by month, each group once a period, by its owner (as {@link #CONTACT_PERIODS}). */
    GROUP_PERIODS(Metric.ACTIVE_GROUPS.codes(Metric.PERIOD_UNITS)) {
        @Override
        String select(FigureScope s) {
            return byPeriod(Metric.ACTIVE_GROUPS, "analytics_conversation_day d", "d.conversation_id", "true", s);
        }
    },
    /** Questions asked and answered, from {@code analytics_reply}, by the group's owner and the day asked. */
    REPLIES(List.of(Metric.QUESTIONS, Metric.ANSWERED)) {
        @Override
        String select(FigureScope s) {
            return """
                    SELECT CAST(:mQuestions AS text) AS metric, r.day, r.owner_id AS member_id, count(*) AS value
                      FROM analytics_reply r WHERE r.org_id = :org %1$s GROUP BY r.day, r.owner_id
                    UNION ALL
                    SELECT CAST(:mAnswered AS text), r.day, r.owner_id, count(*) FILTER (WHERE r.answered_at IS NOT NULL)
                      FROM analytics_reply r WHERE r.org_id = :org %1$s GROUP BY r.day, r.owner_id
                    """.formatted(s.onDay("r.owner_id", "r.day"));
        }
    },
    /** Push recipients that ended reached (sent, delivered) or failed, by the push's sender. */
    PUSH(List.of(Metric.PUSH_REACHED, Metric.PUSH_FAILED)) {
        @Override
        String select(FigureScope s) {
            return """
                    SELECT CASE WHEN r.state = 'failed' THEN CAST(:mPushFailed AS text) ELSE CAST(:mPushReached AS text) END AS metric,
                           (r.ended_at AT TIME ZONE :tz)::date AS day, p.created_by AS member_id, count(*) AS value
                      FROM push p
                      JOIN push_recipient r ON r.org_id = p.org_id AND r.push_id = p.id
                     WHERE p.org_id = :org AND r.ended_at IS NOT NULL AND r.state IN ('sent', 'delivered', 'failed') %s
                     GROUP BY 1, 2, 3
                    """.formatted(s.on("p.created_by", "r.ended_at"));
        }
    },
    /** Tasks done and done on time, from {@code analytics_task_done}, by each assignee. */
    TASKS(List.of(Metric.TASKS_DONE, Metric.TASKS_ON_TIME)) {
        @Override
        String select(FigureScope s) {
            return """
                    SELECT CAST(:mTasksDone AS text) AS metric, d.day, d.member_id, count(*) AS value
                      FROM analytics_task_done d WHERE d.org_id = :org %1$s GROUP BY d.day, d.member_id
                    UNION ALL
                    SELECT CAST(:mTasksOnTime AS text), d.day, d.member_id, count(*) FILTER (WHERE d.on_time)
                      FROM analytics_task_done d WHERE d.org_id = :org %1$s GROUP BY d.day, d.member_id
                    """.formatted(s.onDay("d.member_id", "d.day"));
        }
    };

    private final String[] codes;

    MetricGroup(List<Metric> metrics) {
        this(metrics.stream().map(Metric::code).toArray(String[]::new));
    }

    MetricGroup(String[] codes) {
        this.codes = codes;
    }

    /**
     * Binds each metric's code to {@code :m} and its name in camel case ({@code :mNewContacts}), as the
     * statements name them.
     */
    static void bindCodes(Map<String, Object> values) {
        for (Metric m : Metric.values()) {
            StringBuilder name = new StringBuilder("m");
            for (String word : m.name().split("_")) {
                name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
            }
            values.put(name.toString(), m.code());
        }
    }

    String[] codes() {
        return codes.clone();
    }

    /** This group and those recomputed with it over the same member's days, read from the same rows. */
    List<MetricGroup> withAlongside() {
        return this == CONTACTS ? List.of(CONTACTS, NEW_BY_SOURCE) : List.of(this);
    }

    /** The group kept by week and month from the same rows as this one, if any. */
    @Nullable
    MetricGroup periods() {
        return switch (this) {
            case CONTACTS -> CONTACT_PERIODS;
            case GROUPS -> GROUP_PERIODS;
            default -> null;
        };
    }

    /**
     * The distinct {@code counted} of the table's rows {@code d} that meet {@code condition}, by owner and
     * by each period, once for each unit (the code and unit are constants, written into it).
     */
    private static String byPeriod(Metric metric, String table, String counted, String condition, FigureScope s) {
        return Metric.PERIOD_UNITS.stream()
                .map(unit -> """
                        SELECT '%s' AS metric, date_trunc('%s', d.day::timestamp)::date AS day, d.owner_id AS member_id,
                               count(DISTINCT %s) AS value
                          FROM %s WHERE d.org_id = :org AND %s %s
                         GROUP BY 2, 3
                        """.formatted(
                                metric.code(unit), unit, counted, table, condition, s.onDay("d.owner_id", "d.day")))
                .collect(Collectors.joining(" UNION ALL "));
    }

    /** The group's rows (metric, day, member_id, value) for the members and days of {@code scope}. */
    abstract String select(FigureScope scope);
}
