package io.liaison.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** Queuing writes rows in the caller's transaction and keeps a reason for every row it cannot send. */
@LiaisonIntegrationTest
class DeliveryQueueIntegrationTests {

    static final DeliveryOrigin ORIGIN = new DeliveryOrigin("test", null, false);

    @Autowired
    MockMvc mvc;

    @Autowired
    Deliveries deliveries;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Test
    void queuingNeedsTheCallersTransaction() {
        assertThatThrownBy(() -> deliveries.queue(
                        UUID.randomUUID(),
                        Destination.email("a@example.com"),
                        OutboundMessage.of("t", "x"),
                        ORIGIN,
                        null))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void rowsThatCannotBeSentEndAtOnceWithTheirReason() throws Exception {
        UUID org = UUID.fromString(new Api(mvc).newOrg().id());
        List<UUID> unknown = queue(org, Destination.channel(UUID.randomUUID()), OutboundMessage.of("t", "x"));
        List<UUID> badAddress = queue(org, Destination.email("nobody"), OutboundMessage.of("t", "x"));
        List<UUID> tooLong =
                queue(org, Destination.email("a@example.com"), OutboundMessage.of("t", "长".repeat(50_001)));

        assertThat(row(org, unknown.get(0)))
                .containsEntry("state", "skipped")
                .containsEntry("reason", "{\"code\":\"channel.reason.unknownChannel\",\"args\":[]}");
        assertThat(row(org, badAddress.get(0))).containsEntry("state", "failed");
        assertThat((String) row(org, badAddress.get(0)).get("reason")).contains("channel.reason.badAddress");
        assertThat(row(org, tooLong.get(0))).containsEntry("state", "failed");
        assertThat((String) row(org, tooLong.get(0)).get("reason")).contains("channel.reason.tooLarge", "text");
        assertThat(row(org, tooLong.get(0)).get("ended_at")).isNotNull();
    }

    @Test
    void aRolledBackCallerLeavesNoRow() throws Exception {
        UUID org = UUID.fromString(new Api(mvc).newOrg().id());
        try {
            transaction.executeWithoutResult(status -> {
                deliveries.queue(org, Destination.email("a@example.com"), OutboundMessage.of("t", "x"), ORIGIN, null);
                throw new IllegalStateException("the caller's change fails");
            });
        } catch (IllegalStateException expected) {
            // the caller's transaction rolled back
        }
        assertThat(jdbc.sql("SELECT count(*) FROM delivery WHERE org_id = ?")
                        .param(org)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    List<UUID> queue(UUID org, Destination destination, OutboundMessage message) {
        return transaction.execute(status -> deliveries.queue(org, destination, message, ORIGIN, null));
    }

    Map<String, Object> row(UUID org, UUID id) {
        return jdbc.sql("SELECT state, reason, attempts, ended_at FROM delivery WHERE org_id = ? AND id = ?")
                .params(org, id)
                .query()
                .singleRow();
    }
}
