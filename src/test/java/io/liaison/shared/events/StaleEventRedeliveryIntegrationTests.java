package io.liaison.shared.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.MemberService;
import io.liaison.identity.OrganizationService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A module's reaction that no node finished is delivered again by a living node, without a restart:
 * here {@code contact}'s default tag groups of a new organization, whose work is undone and whose
 * publication is made unfinished again, as if its node had died before the reaction committed. The
 * rules of when: not before it is stale, not again before twice as long, not after the last attempt.
 * (Another test context's runs of the same task may claim the rows first; the outcomes hold either way.)
 */
@LiaisonIntegrationTest
class StaleEventRedeliveryIntegrationTests {

    private static final String PUBLICATION = """
            FROM event_publication WHERE listener_id LIKE '%DefaultTagGroups%' AND serialized_event LIKE ?""";

    @Autowired
    StaleEventRedelivery redelivery;

    @Autowired
    OrganizationService organizations;

    @Autowired
    MemberService members;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReactionNoNodeFinishedIsDeliveredAgainOnceStale() throws Exception {
        UUID org = newOrganization();
        assertThat(groupNames(org)).containsExactly("Type", "Level", "Source");

        // its node died after the organization's commit, before the reaction's: nothing of it is there
        undoTheReaction(org, "now()", 0, null);
        redelivery.redeliver();
        assertThat(attempts(org))
                .as("a publication of a moment ago may still be on its way")
                .isZero();

        undoTheReaction(org, "now() - interval '11 minutes'", 0, null);
        redelivery.redeliver();
        awaitGroups(org);
        assertThat(attempts(org)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) " + PUBLICATION + " AND completion_date IS NOT NULL")
                        .param("%" + org + "%")
                        .query(Long.class)
                        .single())
                .as("the redelivered reaction is recorded as finished")
                .isEqualTo(1);
    }

    @Test
    void eachAttemptWaitsTwiceAsLongAndTheLastOneStaysForAnOperator() throws Exception {
        UUID org = newOrganization();

        // tried once 15 minutes ago: the second attempt waits 20
        undoTheReaction(org, "now() - interval '1 hour'", 1, "now() - interval '15 minutes'");
        redelivery.redeliver();
        assertThat(attempts(org)).isEqualTo(1);
        assertThat(groupNames(org)).isEmpty();

        // ten attempts made: it stays unfinished in the table (and a node's next start delivers it)
        undoTheReaction(org, "now() - interval '30 days'", 10, "now() - interval '20 days'");
        redelivery.redeliver();
        assertThat(attempts(org)).isEqualTo(10);
        assertThat(groupNames(org)).isEmpty();

        undoTheReaction(org, "now() - interval '1 hour'", 1, "now() - interval '25 minutes'");
        // older failures past their last attempt, more than Modulith's resubmission of failed ones reads
        jdbc.sql("""
                        INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,
                                                       status, completion_attempts, last_resubmission_date)
                        SELECT gen_random_uuid(), listener_id, event_type, serialized_event,
                               now() - interval '60 days', 'FAILED', 10, now() - interval '50 days'
                          FROM event_publication, generate_series(1, 150)
                        """ + PUBLICATION.substring("FROM event_publication".length()))
                .param("%" + org + "%")
                .update();
        try {
            redelivery.redeliver();
            awaitGroups(org);
            assertThat(attempts(org)).isEqualTo(2);
        } finally {
            jdbc.sql("DELETE " + PUBLICATION + " AND publication_date < now() - interval '59 days'")
                    .param("%" + org + "%")
                    .update();
        }
    }

    private UUID newOrganization() {
        return NewOrganization.create(jdbc, members, organizations);
    }

    /**
     * The reaction's tag groups gone, its publication unfinished since {@code published}, as a node that
     * died while working on it leaves it: {@code PROCESSING}, or {@code RESUBMITTED} after an attempt.
     */
    private void undoTheReaction(UUID org, String published, int attempts, String lastAttempt) {
        jdbc.sql("DELETE FROM tag WHERE org_id = ?").param(org).update();
        jdbc.sql("DELETE FROM tag_group WHERE org_id = ?").param(org).update();
        int publications = jdbc.sql(
                        "UPDATE event_publication SET completion_date = NULL, status = ?, publication_date = "
                                + published + ", completion_attempts = ?, last_resubmission_date = "
                                + (lastAttempt == null ? "NULL" : lastAttempt) + " WHERE listener_id LIKE"
                                + " '%DefaultTagGroups%' AND serialized_event LIKE ?")
                .params(attempts == 0 ? "PROCESSING" : "RESUBMITTED", attempts, "%" + org + "%")
                .update();
        assertThat(publications).isEqualTo(1);
    }

    private int attempts(UUID org) {
        return jdbc.sql("SELECT coalesce(completion_attempts, 0) " + PUBLICATION
                        + " AND publication_date > now() - interval '59 days'")
                .param("%" + org + "%")
                .query(Integer.class)
                .single();
    }

    private void awaitGroups(UUID org) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (groupNames(org).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(groupNames(org)).containsExactly("Type", "Level", "Source");
    }

    private List<String> groupNames(UUID org) {
        return jdbc.sql("SELECT name FROM tag_group WHERE org_id = ? ORDER BY sort_order")
                .param(org)
                .query(String.class)
                .list();
    }
}
