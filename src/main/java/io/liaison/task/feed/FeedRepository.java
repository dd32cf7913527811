package io.liaison.task.feed;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Members' calendar feeds: one token hash per member, and the reads of the current minute. */
@Repository
class FeedRepository {

    private final JdbcClient jdbc;

    FeedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sets the member's token, replacing the one before (which stops working at once). */
    void replace(UUID orgId, UUID memberId, String tokenHash) {
        jdbc.sql("""
                        INSERT INTO calendar_feed (org_id, member_id, token_hash) VALUES (?, ?, ?)
                        ON CONFLICT (org_id, member_id)
                        DO UPDATE SET token_hash = excluded.token_hash, created_at = now(), reads = 0, read_minute = NULL
                        """).params(orgId, memberId, tokenHash).update();
    }

    boolean delete(UUID orgId, UUID memberId) {
        return jdbc.sql("DELETE FROM calendar_feed WHERE org_id = ? AND member_id = ?")
                        .params(orgId, memberId)
                        .update()
                == 1;
    }

    boolean exists(UUID orgId, UUID memberId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM calendar_feed WHERE org_id = ? AND member_id = ?)")
                .params(orgId, memberId)
                .query(Boolean.class)
                .single();
    }

    /** A read of the feed with this hash, counted in its minute: whose it is and how often it was read this minute. */
    Optional<Read> read(String tokenHash) {
        return jdbc.sql("""
                        UPDATE calendar_feed
                           SET reads = CASE WHEN read_minute = date_trunc('minute', now()) THEN reads + 1 ELSE 1 END,
                               read_minute = date_trunc('minute', now())
                         WHERE token_hash = ?
                        RETURNING org_id, member_id, reads
                        """)
                .param(tokenHash)
                .query((rs, n) -> new Read(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3)))
                .optional();
    }

    record Read(UUID orgId, UUID memberId, int reads) {}
}
