package io.liaison.shared.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.MemberService;
import io.liaison.identity.OrganizationService;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The outbox keeps a finished publication a week, an unfinished one however old. */
@LiaisonIntegrationTest
class CompletedEventCleanupIntegrationTests {

    @Autowired
    CompletedEventCleanup cleanup;

    @Autowired
    OrganizationService organizations;

    @Autowired
    MemberService members;

    @Autowired
    JdbcClient jdbc;

    @Test
    void finishedPublicationsGoAfterAWeekUnfinishedOnesStay() {
        UUID lastWeek = newOrganization();
        UUID thisWeek = newOrganization();
        UUID unfinished = newOrganization();
        assertThat(publications(lastWeek)).isPositive();
        age(lastWeek, "completion_date = now() - interval '8 days'");
        age(thisWeek, "completion_date = now() - interval '6 days'");
        age(unfinished, "completion_date = NULL, status = 'FAILED', publication_date = now() - interval '30 days'");
        long before = publications(thisWeek);

        assertThat(cleanup.clean()).isGreaterThanOrEqualTo(1);

        assertThat(publications(lastWeek)).isZero();
        assertThat(publications(thisWeek)).isEqualTo(before);
        assertThat(publications(unfinished))
                .as("a reaction not yet delivered is never dropped")
                .isPositive();
    }

    private void age(UUID org, String set) {
        jdbc.sql("UPDATE event_publication SET " + set + " WHERE serialized_event LIKE ?")
                .param("%" + org + "%")
                .update();
    }

    private long publications(UUID org) {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ?")
                .param("%" + org + "%")
                .query(Long.class)
                .single();
    }

    private UUID newOrganization() {
        return NewOrganization.create(jdbc, members, organizations);
    }
}
