package io.liaison.analytics.figures;

/**
 * Guests' questions and members' first answers ({@code analytics_reply}), computed from the messages
 * of external groups. Only messages not recalled count, in the order of their {@code seq}:
 *
 * <ul>
 *   <li>a guest's message opens a question when no guest message is waiting, that is when the message
 *       before it is a member's or there is none; the question is that message ({@code question_id},
 *       {@code asked_at} its time, {@code day} its day in the organization's time zone, {@code
 *       contact_id} its guest's contact);
 *   <li>the first member's message after it answers it ({@code answered_at}, never before {@code
 *       asked_at}, and {@code answered_by}); the guest messages in between wait with it and open no
 *       question of their own;
 *   <li>{@code owner_id} is the group's current owner.
 * </ul>
 *
 * A change at message {@code seq} (posted or recalled) can only change the questions after the last
 * member's message before it: those after {@code :fromSeq} are recomputed and the earlier ones stay.
 */
final class Replies {

    private Replies() {}

    static final String COLUMNS =
            "org_id, conversation_id, question_id, day, owner_id, contact_id, asked_at, answered_at, answered_by";

    /** The questions of the scope's groups ({@code ids}; all without), from {@code :fromSeq} if given. */
    static String select(FigureScope s, boolean fromSeq) {
        return """
                WITH m AS (
                    SELECT m.conversation_id, m.id, m.seq, m.author_id, m.author_kind, m.created_at,
                           lag(m.author_kind) OVER (PARTITION BY m.conversation_id ORDER BY m.seq) AS before_kind,
                           min(CASE WHEN m.author_kind = 'member' THEN m.seq END) OVER (
                               PARTITION BY m.conversation_id ORDER BY m.seq DESC
                               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS answer_seq
                      FROM chat_message m
                      JOIN conversation v ON v.org_id = m.org_id AND v.id = m.conversation_id AND v.kind = 'external'
                     WHERE m.org_id = :org AND m.recalled_at IS NULL %s %s)
                SELECT v.org_id, q.conversation_id, q.id, (q.created_at AT TIME ZONE :tz)::date, v.owner_id, g.contact_id,
                       q.created_at, CASE WHEN a.author_id IS NOT NULL THEN greatest(a.created_at, q.created_at) END, a.author_id
                  FROM m q
                  JOIN conversation v ON v.org_id = :org AND v.id = q.conversation_id
                  LEFT JOIN guest g ON g.org_id = :org AND g.id = q.author_id
                  LEFT JOIN m a ON a.conversation_id = q.conversation_id AND a.seq = q.answer_seq
                 WHERE q.author_kind = 'guest' AND q.before_kind IS DISTINCT FROM 'guest'
                """.formatted(s.ids("m.conversation_id"), fromSeq ? "AND m.seq >= :fromSeq" : "");
    }

    /** The kept questions (rows {@code d}) that {@link #select} replaces. */
    static String kept(FigureScope s, boolean fromSeq) {
        return "d.org_id = :org" + s.ids("d.conversation_id")
                + (fromSeq
                        ? " AND d.question_id IN (SELECT x.id FROM chat_message x WHERE x.org_id = :org"
                                + " AND x.conversation_id = d.conversation_id AND x.seq >= :fromSeq)"
                        : "");
    }

    /**
     * Where the questions of a change at {@code :seq} of group {@code :conversation} start: the last
     * member's message before it, not recalled (0 when there is none).
     */
    static final String FROM_SEQ = """
            SELECT coalesce(max(seq), 0) FROM chat_message
             WHERE org_id = :org AND conversation_id = :conversation AND seq < :seq
               AND author_kind = 'member' AND recalled_at IS NULL
            """;
}
