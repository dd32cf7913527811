package io.liaison.push.settings;

import java.sql.Time;
import java.time.LocalTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PushSettingsRepository {

    private final JdbcClient jdbc;

    PushSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The organization's settings; the defaults until someone saves them. */
    PushSettings find(UUID orgId) {
        return jdbc.sql("""
                        SELECT per_day, per_month, approval_over, quiet_start, quiet_end, max_recipients
                          FROM push_settings WHERE org_id = ?
                        """)
                .param(orgId)
                .query((rs, n) -> new PushSettings(
                        rs.getInt("per_day"),
                        rs.getInt("per_month"),
                        (Integer) rs.getObject("approval_over"),
                        time(rs.getTime("quiet_start")),
                        time(rs.getTime("quiet_end")),
                        rs.getInt("max_recipients")))
                .optional()
                .orElse(PushSettings.DEFAULTS);
    }

    void save(UUID orgId, PushSettings s) {
        jdbc.sql("""
                        INSERT INTO push_settings (org_id, per_day, per_month, approval_over, quiet_start, quiet_end,
                                                   max_recipients)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (org_id) DO UPDATE
                           SET per_day = excluded.per_day, per_month = excluded.per_month,
                               approval_over = excluded.approval_over, quiet_start = excluded.quiet_start,
                               quiet_end = excluded.quiet_end, max_recipients = excluded.max_recipients,
                               version = push_settings.version + 1, updated_at = now()
                        """)
                .params(
                        orgId,
                        s.perDay(),
                        s.perMonth(),
                        s.approvalOver(),
                        s.quietStart(),
                        s.quietEnd(),
                        s.maxRecipients())
                .update();
    }

    private static @Nullable LocalTime time(@Nullable Time time) {
        return time == null ? null : time.toLocalTime();
    }
}
