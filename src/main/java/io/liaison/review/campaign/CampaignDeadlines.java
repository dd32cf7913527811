package io.liaison.review.campaign;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What time does to open campaigns: three days and one day before the deadline each owner with
 * pending items is reminded (once each; a campaign started later than that skips the reminder), and
 * when the deadline passes the campaign closes and its starter gets the summary. Pending items stay
 * pending. Run per organization, at most {@link #BATCH} campaigns of each kind a run.
 */
@Component
class CampaignDeadlines {

    static final int BATCH = 100;
    static final Duration FIRST = Duration.ofDays(3);
    static final Duration LAST = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final CampaignRepository campaigns;
    private final CampaignNotices notices;
    private final CampaignService service;

    CampaignDeadlines(JdbcClient jdbc, CampaignRepository campaigns, CampaignNotices notices, CampaignService service) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.notices = notices;
        this.service = service;
    }

    /** The organizations with an open campaign that has a reminder due or is past its deadline at {@code now}. */
    @Transactional(readOnly = true)
    public List<UUID> organizations(OffsetDateTime now) {
        return jdbc.sql("""
                        SELECT DISTINCT org_id FROM review_campaign
                         WHERE status = 'open' AND (deadline <= ? OR (NOT reminded_3d AND deadline <= ?)
                                                    OR (NOT reminded_1d AND deadline <= ?))
                        """)
                .params(now, now.plus(FIRST), now.plus(LAST))
                .query(UUID.class)
                .list();
    }

    /** Closes the organization's campaigns past their deadline and sends the reminders due at {@code now}. */
    @Transactional
    public void run(UUID orgId, OffsetDateTime now) {
        List<UUID> closed =
                jdbc.sql("""
                        UPDATE review_campaign SET status = 'closed', closed_at = deadline
                         WHERE org_id = ? AND id IN (SELECT id FROM review_campaign WHERE org_id = ? AND status = 'open'
                                                        AND deadline <= ? ORDER BY deadline LIMIT ?)
                        RETURNING id
                        """).params(orgId, orgId, now, BATCH).query(UUID.class).list();
        closed.forEach(id -> service.summarize(orgId, id));
        remind(orgId, now, LAST, "reminded_1d");
        remind(orgId, now, FIRST, "reminded_3d");
    }

    private record Due(UUID id, String name, OffsetDateTime deadline, boolean send) {}

    private void remind(UUID orgId, OffsetDateTime now, Duration before, String flag) {
        // the last reminder stands for the first as well, so that an owner is not reminded twice at once
        String also = flag.equals("reminded_1d") ? ", reminded_3d = true" : "";
        String sql = """
                UPDATE review_campaign SET %s = true%s
                 WHERE org_id = ? AND id IN (SELECT id FROM review_campaign WHERE org_id = ? AND status = 'open'
                                                AND NOT %s AND deadline <= ? ORDER BY deadline LIMIT ?)
                RETURNING id, name, deadline, started_at < deadline - ?::interval
                """.formatted(flag, also, flag);
        List<Due> due = jdbc.sql(sql)
                .params(orgId, orgId, now.plus(before), BATCH, before.toSeconds() + " seconds")
                .query((rs, n) -> new Due(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class),
                        rs.getBoolean(4)))
                .list();
        for (Due campaign : due) {
            if (campaign.send()) {
                notices.remind(
                        orgId,
                        campaign.id(),
                        campaign.name(),
                        campaign.deadline(),
                        campaigns.owners(orgId, campaign.id(), true));
            }
        }
    }
}
