package io.liaison.identity;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The browser sessions (members' and guests') that long-lived connections such as the chat socket
 * were opened from. A connection asks whether its session still stands, which a logout, a
 * deactivation or an expiry ends; and while it is open, it keeps its session from expiring, as a
 * page that is used would (Spring Session does the same for its own WebSocket support).
 */
@Component
public class BrowserSessions {

    private static final int CHUNK = 1_000;

    private final JdbcClient jdbc;

    BrowserSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Which of the sessions still stand, each of those used now; at most {@value #CHUNK} a statement. */
    @Transactional
    public Set<String> keepOpen(Collection<String> sessionIds) {
        List<String> ids = List.copyOf(sessionIds);
        Set<String> open = new HashSet<>();
        long now = System.currentTimeMillis();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            String[] chunk =
                    ids.subList(from, Math.min(ids.size(), from + CHUNK)).toArray(String[]::new);
            open.addAll(jdbc.sql("""
                            UPDATE spring_session
                               SET last_access_time = ?, expiry_time = ? + max_inactive_interval::bigint * 1000
                             WHERE session_id = ANY (CAST(? AS bpchar[])) AND expiry_time > ?
                            RETURNING session_id
                            """)
                    // compared as the column's own type, so that its unique index finds the rows
                    .params(now, now, chunk, now)
                    .query(String.class)
                    .list());
        }
        return open;
    }
}
