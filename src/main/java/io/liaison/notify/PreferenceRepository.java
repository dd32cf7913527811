package io.liaison.notify;

import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A member's notification preferences and quiet hours; every statement is bound to one member. */
@Repository
class PreferenceRepository {

    record Choice(
            String kind,
            boolean inApp,
            boolean email,
            @Nullable UUID channelId) {}

    record QuietHours(LocalTime starts, LocalTime ends) {}

    private final JdbcClient jdbc;

    PreferenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Choice> choices(UUID orgId, UUID memberId) {
        return jdbc.sql("""
                        SELECT kind, in_app, email, channel_id FROM notification_preference
                        WHERE org_id = ? AND member_id = ? ORDER BY kind
                        """).params(orgId, memberId).query(Choice.class).list();
    }

    Optional<Choice> choice(UUID orgId, UUID memberId, String kind) {
        return jdbc.sql("""
                        SELECT kind, in_app, email, channel_id FROM notification_preference
                        WHERE org_id = ? AND member_id = ? AND kind = ?
                        """).params(orgId, memberId, kind).query(Choice.class).optional();
    }

    /** A member's stored choice for a kind. */
    record MemberChoice(UUID memberId, Choice choice) {}

    /** The stored choices of these members of one organization for these kinds, in one query. */
    List<MemberChoice> choices(UUID orgId, Collection<UUID> memberIds, Collection<String> kinds) {
        return jdbc.sql("""
                        SELECT member_id, kind, in_app, email, channel_id FROM notification_preference
                        WHERE org_id = ? AND member_id = ANY(?) AND kind = ANY(?)
                        """)
                .params(orgId, memberIds.toArray(UUID[]::new), kinds.toArray(String[]::new))
                .query((rs, row) -> new MemberChoice(
                        rs.getObject("member_id", UUID.class),
                        new Choice(
                                rs.getString("kind"),
                                rs.getBoolean("in_app"),
                                rs.getBoolean("email"),
                                rs.getObject("channel_id", UUID.class))))
                .list();
    }

    Optional<QuietHours> quietHours(UUID orgId, UUID memberId) {
        return jdbc.sql("SELECT starts, ends FROM notification_quiet_hours WHERE org_id = ? AND member_id = ?")
                .params(orgId, memberId)
                .query(QuietHours.class)
                .optional();
    }

    /** Replaces all of a member's choices and quiet hours at once. */
    void replace(UUID orgId, UUID memberId, List<Choice> choices, @Nullable QuietHours quiet) {
        jdbc.sql("DELETE FROM notification_preference WHERE org_id = ? AND member_id = ?")
                .params(orgId, memberId)
                .update();
        for (Choice c : choices) {
            jdbc.sql("""
                            INSERT INTO notification_preference (org_id, member_id, kind, in_app, email, channel_id)
                            VALUES (?, ?, ?, ?, ?, ?)
                            """)
                    .params(orgId, memberId, c.kind(), c.inApp(), c.email(), c.channelId())
                    .update();
        }
        jdbc.sql("DELETE FROM notification_quiet_hours WHERE org_id = ? AND member_id = ?")
                .params(orgId, memberId)
                .update();
        if (quiet != null) {
            jdbc.sql("INSERT INTO notification_quiet_hours (org_id, member_id, starts, ends) VALUES (?, ?, ?, ?)")
                    .params(orgId, memberId, quiet.starts(), quiet.ends())
                    .update();
        }
    }
}
