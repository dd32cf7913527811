package io.liaison.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's events as the application would have left them: groups whose sequence numbers, last
 * message and activity per day agree with their messages; contacts whose last contact is their latest
 * follow-up, message or push; nothing before its contact existed or over a year ago; a few contacts
 * busy and most quiet; no push after an opt-out; tasks done on time and late.
 */
final class DemoEventsChecks {

    private DemoEventsChecks() {}

    static void check(JdbcClient jdbc, UUID orgId, DemoData.Result result) {
        DemoData.Events events = result.events();
        assertThat(events.total(result))
                .as("events for %,d contacts: %s", result.contacts(), events)
                .isBetween(6L * result.contacts(), 14L * result.contacts());
        assertThat(events.groups()).as("external groups").isPositive();
        assertThat(count(jdbc, "SELECT count(*) FROM conversation WHERE org_id = ? AND kind = 'external'", orgId))
                .isEqualTo(events.groups());
        assertThat(count(jdbc, "SELECT count(*) FROM chat_message WHERE org_id = ?", orgId))
                .isEqualTo(events.messages());
        assertThat(count(jdbc, "SELECT count(*) FROM push_recipient WHERE org_id = ?", orgId))
                .isEqualTo(events.pushRecipients());
        assertThat(count(jdbc, "SELECT count(*) FROM task WHERE org_id = ?", orgId))
                .isEqualTo(events.tasks());

        assertThat(count(jdbc, """
                        SELECT count(*) FROM conversation v
                          LEFT JOIN (SELECT conversation_id, count(*) AS n, max(seq) AS last, max(created_at) AS at
                                       FROM chat_message WHERE org_id = ? GROUP BY 1) m ON m.conversation_id = v.id
                         WHERE v.org_id = ? AND (v.last_seq <> coalesce(m.n, 0) OR v.last_seq <> coalesce(m.last, 0)
                               OR v.last_message_at IS DISTINCT FROM m.at)
                        """, orgId, orgId))
                .as("groups whose last sequence number or last message disagree with their messages")
                .isZero();
        assertThat(count(jdbc, """
                        SELECT count(*) FROM chat_message a JOIN chat_message b
                            ON b.org_id = a.org_id AND b.conversation_id = a.conversation_id AND b.seq = a.seq + 1
                         WHERE a.org_id = ? AND b.created_at <= a.created_at
                        """, orgId)).as("messages out of their order").isZero();
        assertThat(count(jdbc, """
                        SELECT count(*) FROM (
                            SELECT m.conversation_id, (m.created_at AT TIME ZONE o.time_zone)::date AS day,
                                   min(m.seq) AS first_seq, max(m.seq) AS last_seq, max(m.created_at) AS last_at
                              FROM chat_message m JOIN organization o ON o.id = m.org_id
                             WHERE m.org_id = ? GROUP BY 1, 2) m
                          FULL JOIN (SELECT * FROM chat_day WHERE org_id = ?) d
                            ON d.conversation_id = m.conversation_id AND d.day = m.day
                         WHERE d.first_seq IS DISTINCT FROM m.first_seq OR d.last_seq IS DISTINCT FROM m.last_seq
                            OR d.last_at IS DISTINCT FROM m.last_at
                        """, orgId, orgId))
                .as("chat days that differ from the messages of the day")
                .isZero();
        assertThat(count(jdbc, """
                        SELECT count(*) FROM (
                            SELECT g.contact_id, m.conversation_id, (m.created_at AT TIME ZONE o.time_zone)::date AS day,
                                   count(*) AS n
                              FROM chat_message m JOIN organization o ON o.id = m.org_id
                              JOIN guest g ON g.org_id = m.org_id AND g.id = m.author_id
                             WHERE m.org_id = ? AND m.author_kind = 'guest' GROUP BY 1, 2, 3) m
                          FULL JOIN (SELECT * FROM chat_day_contact WHERE org_id = ?) d
                            ON d.contact_id = m.contact_id AND d.conversation_id = m.conversation_id AND d.day = m.day
                         WHERE d.messages IS DISTINCT FROM m.n
                        """, orgId, orgId))
                .as("contacts' chat days that differ from their guests' messages")
                .isZero();

        assertThat(count(jdbc, """
                        WITH chat AS MATERIALIZED (
                            SELECT g.contact_id, max(m.created_at) AS at
                              FROM guest g
                              JOIN conversation_participant p ON p.org_id = g.org_id AND p.guest_id = g.id
                              JOIN chat_message m ON m.org_id = p.org_id AND m.conversation_id = p.conversation_id
                               AND (m.author_kind = 'member' OR m.author_id = g.id)
                             WHERE g.org_id = ? GROUP BY 1),
                        push AS MATERIALIZED (
                            SELECT contact_id, max(ended_at) AS at FROM push_recipient
                             WHERE org_id = ? AND state IN ('sent', 'delivered') GROUP BY 1)
                        SELECT count(*) FROM contact c
                          LEFT JOIN chat ON chat.contact_id = c.id
                          LEFT JOIN push ON push.contact_id = c.id
                         WHERE c.org_id = ? AND c.last_activity_at IS DISTINCT FROM greatest(chat.at, push.at)
                        """, orgId, orgId, orgId))
                .as("contacts whose last activity is not their last message or push")
                .isZero();
        assertThat(count(jdbc, """
                        SELECT count(*) FROM (
                            SELECT l.contact_id, v.created_at FROM conversation_contact l
                              JOIN conversation v ON v.org_id = l.org_id AND v.id = l.conversation_id WHERE l.org_id = ?
                            UNION ALL SELECT contact_id, created_at FROM push_recipient WHERE org_id = ?
                            UNION ALL SELECT l.contact_id, t.created_at FROM task_contact l
                              JOIN task t ON t.org_id = l.org_id AND t.id = l.task_id WHERE l.org_id = ?) e
                          JOIN contact c ON c.id = e.contact_id
                         WHERE e.created_at < c.created_at OR e.created_at < now() - interval '366 days'
                        """, orgId, orgId, orgId))
                .as("events before their contact existed, or over a year ago")
                .isZero();

        Map<String, Object> skew = jdbc.sql("""
                        SELECT sum(n) FILTER (WHERE rank <= greatest(1, total / 10)) AS top, sum(n) AS all_messages
                          FROM (SELECT last_seq AS n, row_number() OVER (ORDER BY last_seq DESC) AS rank,
                                       count(*) OVER () AS total
                                  FROM conversation WHERE org_id = ? AND kind = 'external') g
                        """).param(orgId).query().singleRow();
        assertThat(((Number) skew.get("top")).doubleValue())
                .as("messages of the busiest tenth of the groups")
                .isGreaterThan(0.3 * ((Number) skew.get("all_messages")).doubleValue());

        assertThat(count(jdbc, """
                        SELECT count(*) FROM push_recipient r
                          JOIN push_opt_out o ON o.org_id = r.org_id AND o.contact_id = r.contact_id
                         WHERE r.org_id = ? AND r.created_at > o.opted_out_at
                        """, orgId)).as("pushes after an opt-out").isZero();
        assertThat(count(jdbc, """
                        SELECT count(*) FROM push p
                         WHERE p.org_id = ? AND p.audience_size <>
                               (SELECT count(*) FROM push_recipient r WHERE r.org_id = p.org_id AND r.push_id = p.id)
                        """, orgId))
                .as("pushes whose audience size is not their recipients'")
                .isZero();
        Map<String, Object> states = jdbc.sql("""
                        SELECT count(*) FILTER (WHERE state = 'sent') AS sent, count(*) FILTER (WHERE state = 'delivered') AS delivered,
                               count(*) FILTER (WHERE state = 'failed') AS failed
                          FROM push_recipient WHERE org_id = ?
                        """).param(orgId).query().singleRow();
        assertThat(states.values())
                .as("recipients sent, delivered, failed")
                .allMatch(n -> ((Number) n).longValue() > 0);

        Map<String, Object> tasks = jdbc.sql("""
                        SELECT count(*) FILTER (WHERE status = 'done' AND completed_at <= due_at) AS on_time,
                               count(*) FILTER (WHERE status = 'done' AND completed_at > due_at) AS late,
                               count(*) FILTER (WHERE status = 'open' AND due_at < now()) AS overdue
                          FROM task WHERE org_id = ?
                        """).param(orgId).query().singleRow();
        assertThat(tasks.values()).as("tasks on time, late, overdue").allMatch(n -> ((Number) n).longValue() > 0);
        assertThat(count(jdbc, """
                        SELECT count(*) FROM task t WHERE t.org_id = ?
                           AND NOT EXISTS (SELECT 1 FROM task_assignee a WHERE a.org_id = t.org_id AND a.task_id = t.id)
                        """, orgId)).as("tasks without assignee").isZero();
    }

    private static int count(JdbcClient jdbc, String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }
}
