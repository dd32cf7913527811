package io.liaison.analytics.figures;

/**
 * The statements that compute, from the source tables, the rows of the tables between the sources
 * and the figures by member: each a SELECT of the table's columns in order, for the rows of a
 * {@link FigureScope} (named {@code :org}, {@code :tz} and the scope's parameters).
 *
 * <ul>
 *   <li>{@code analytics_contact_day} over contacts: the day it was created; its follow-ups by the day
 *       they happened; messages of its guests (a guest's contact is {@code guest.contact_id}) and
 *       members' messages in the external groups it is linked to ({@code conversation_contact}), by
 *       the day they were posted, not recalled. Every contact still stored counts, in the trash too
 *       (until purged), with its current owner.
 *   <li>{@code analytics_conversation_day} over external groups: guests' and members' messages of a
 *       day, not recalled, with the group's current owner.
 *   <li>{@code analytics_task_done} over tasks: a task done, once for each assignee, on the day of
 *       {@code completed_at}, on time when it had no due time or was completed by it.
 * </ul>
 *
 * <ul>
 *   <li>{@code analytics_contact_last} over contacts: each stored contact's owner, its creation day, its
 *       last day with a follow-up or a message in {@code analytics_contact_day}, and its tags.
 *   <li>{@code analytics_tag_day} over members and days (read from {@code analytics_contact_last}): per
 *       tag, the contacts created on the day and those whose last activity was on it.
 * </ul>
 *
 * Days are the organization's: {@code (timestamp AT TIME ZONE :tz)::date}.
 */
final class Intermediates {

    private Intermediates() {}

    static final String CONTACT_DAY_COLUMNS =
            "org_id, contact_id, day, owner_id, created, follow_ups, messages_in, messages_out";

    static String contactDays(FigureScope s) {
        return """
                SELECT c.org_id, c.id, a.day, c.owner_id, bool_or(a.created), sum(a.f)::int, sum(a.i)::int, sum(a.o)::int
                  FROM contact c
                  JOIN (SELECT c.id AS contact_id, (c.created_at AT TIME ZONE :tz)::date AS day, true AS created,
                               0 AS f, 0 AS i, 0 AS o
                          FROM contact c WHERE c.org_id = :org %s
                        UNION ALL
                        SELECT f.contact_id, (f.occurred_at AT TIME ZONE :tz)::date, false, 1, 0, 0
                          FROM follow_up f WHERE f.org_id = :org %s
                        UNION ALL
                        SELECT g.contact_id, (m.created_at AT TIME ZONE :tz)::date, false, 0, 1, 0
                          FROM chat_message m
                          JOIN guest g ON g.org_id = m.org_id AND g.id = m.author_id
                          JOIN conversation v ON v.org_id = m.org_id AND v.id = m.conversation_id AND v.kind = 'external'
                         WHERE m.org_id = :org AND m.author_kind = 'guest' AND m.recalled_at IS NULL %s
                        UNION ALL
                        SELECT k.contact_id, (m.created_at AT TIME ZONE :tz)::date, false, 0, 0, 1
                          FROM conversation_contact k
                          JOIN conversation v ON v.org_id = k.org_id AND v.id = k.conversation_id AND v.kind = 'external'
                          JOIN chat_message m ON m.org_id = k.org_id AND m.conversation_id = k.conversation_id
                         WHERE k.org_id = :org AND m.author_kind = 'member' AND m.recalled_at IS NULL %s) a
                    ON a.contact_id = c.id
                 WHERE c.org_id = :org %s
                 GROUP BY c.org_id, c.id, a.day, c.owner_id
                """.formatted(
                        s.on("c.id", "c.created_at"),
                        s.on("f.contact_id", "f.occurred_at"),
                        s.on("g.contact_id", "m.created_at"),
                        s.on("k.contact_id", "m.created_at"),
                        s.ids("c.id"));
    }

    static final String CONVERSATION_DAY_COLUMNS = "org_id, conversation_id, day, owner_id, messages_in, messages_out";

    static String conversationDays(FigureScope s) {
        return """
                SELECT v.org_id, v.id, (m.created_at AT TIME ZONE :tz)::date, v.owner_id,
                       (count(*) FILTER (WHERE m.author_kind = 'guest'))::int,
                       (count(*) FILTER (WHERE m.author_kind = 'member'))::int
                  FROM conversation v
                  JOIN chat_message m ON m.org_id = v.org_id AND m.conversation_id = v.id AND m.recalled_at IS NULL
                 WHERE v.org_id = :org AND v.kind = 'external' %s
                 GROUP BY v.org_id, v.id, 3, v.owner_id
                """.formatted(s.on("v.id", "m.created_at"));
    }

    static final String TASK_DONE_COLUMNS = "org_id, task_id, member_id, day, on_time";

    static String tasksDone(FigureScope s) {
        return """
                SELECT t.org_id, t.id, a.member_id, (t.completed_at AT TIME ZONE :tz)::date,
                       (t.due_at IS NULL OR t.completed_at <= t.due_at)
                  FROM task t
                  JOIN task_assignee a ON a.org_id = t.org_id AND a.task_id = t.id
                 WHERE t.org_id = :org AND t.status = 'done' %s
                """.formatted(s.ids("t.id"));
    }

    static final String CONTACT_LAST_COLUMNS = "org_id, contact_id, owner_id, created, last_active, tag_ids";

    static String contactLast(FigureScope s) {
        return """
                SELECT c.org_id, c.id, c.owner_id, (c.created_at AT TIME ZONE :tz)::date, a.last_active,
                       COALESCE(t.tag_ids, '{}')
                  FROM contact c
                  LEFT JOIN (SELECT d.contact_id, max(d.day) AS last_active FROM analytics_contact_day d
                              WHERE d.org_id = :org AND d.follow_ups + d.messages_in + d.messages_out > 0 %1$s
                              GROUP BY d.contact_id) a ON a.contact_id = c.id
                  LEFT JOIN (SELECT ct.contact_id, array_agg(ct.tag_id ORDER BY ct.tag_id) AS tag_ids
                               FROM contact_tag ct WHERE ct.org_id = :org %2$s
                              GROUP BY ct.contact_id) t ON t.contact_id = c.id
                 WHERE c.org_id = :org %3$s
                """.formatted(s.ids("d.contact_id"), s.ids("ct.contact_id"), s.ids("c.id"));
    }

    static final String TAG_DAY_COLUMNS = "org_id, tag_id, day, member_id, created, last_active";

    static String tagDays(FigureScope s) {
        return """
                SELECT CAST(:org AS uuid) AS org_id, x.tag_id, x.day, x.member_id, sum(x.created)::int AS created,
                       sum(x.last_active)::int AS last_active
                  FROM (SELECT unnest(l.tag_ids) AS tag_id, l.created AS day, l.owner_id AS member_id,
                               1 AS created, 0 AS last_active
                          FROM analytics_contact_last l WHERE l.org_id = :org %1$s
                        UNION ALL
                        SELECT unnest(l.tag_ids), l.last_active, l.owner_id, 0, 1
                          FROM analytics_contact_last l WHERE l.org_id = :org AND l.last_active IS NOT NULL %2$s) x
                 GROUP BY x.tag_id, x.day, x.member_id
                """.formatted(s.onDay("l.owner_id", "l.created"), s.onDay("l.owner_id", "l.last_active"));
    }
}
