package io.liaison.channel.delivery;

import static io.liaison.channel.delivery.Sink.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.channel.ChannelKind;
import io.liaison.channel.Deliveries;
import io.liaison.channel.DeliveryOptions;
import io.liaison.channel.DeliveryOrigin;
import io.liaison.channel.DeliveryRecord;
import io.liaison.channel.Destination;
import io.liaison.channel.OutboundMessage;
import io.liaison.channel.StandardWebhooks;
import io.liaison.channel.config.ChannelService;
import io.liaison.channel.config.NewChannel;
import io.liaison.identity.Api;
import io.liaison.shared.StoredMessages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Order keys, retry windows, message ids and redeliveries, against real receivers on loopback. */
@LiaisonIntegrationTest
class DeliveryOptionsIntegrationTests {

    static final DeliveryOrigin ORIGIN = new DeliveryOrigin("test", null, false);
    static final Duration BUDGET = Duration.ofMinutes(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    Deliveries deliveries;

    @Autowired
    DeliveryWorker worker;

    @Autowired
    ChannelService channelService;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StoredMessages texts;

    @Test
    void rowsOfOneKeyWaitForTheRetriesOfTheFirstAndArriveAfterItInOrderWhileAnotherKeyGoesOn() throws Exception {
        try (Sink first = new Sink(status(503), status(503));
                Sink other = new Sink()) {
            UUID org = org();
            UUID slow = webhook(org, first);
            UUID fast = webhook(org, other);
            transaction.executeWithoutResult(status -> {
                queue(org, slow, "a1", new DeliveryOptions("contact-1", null, "a1"));
                queue(org, slow, "a2", new DeliveryOptions("contact-1", null, "a2"));
                queue(org, slow, "a3", new DeliveryOptions("contact-1", null, "a3"));
                queue(org, fast, "b1", new DeliveryOptions("contact-2", null, "b1"));
            });

            worker.drain(BUDGET);
            assertThat(first.ids).containsExactly("a1");
            assertThat(other.ids).as("another key is not held back").containsExactly("b1");
            assertThat(states(org, slow)).containsExactly("queued", "queued", "queued");

            due(org);
            worker.drain(BUDGET);
            assertThat(first.ids).containsExactly("a1", "a1");

            due(org);
            worker.drain(BUDGET);
            assertThat(first.ids).containsExactly("a1", "a1", "a1", "a2", "a3");
            assertThat(states(org, slow)).containsExactly("sent", "sent", "sent");
        }
    }

    @Test
    void twoWorkersAtOnceSendTheRowsOfOneKeyInTheirOrder() throws Exception {
        try (Sink sink = new Sink()) {
            sink.delay(Duration.ofMillis(2));
            UUID org = org();
            UUID channel = webhook(org, sink);
            List<String> queued = IntStream.range(0, 40).mapToObj(i -> "m" + i).toList();
            transaction.executeWithoutResult(status ->
                    queued.forEach(id -> queue(org, channel, id, new DeliveryOptions("contact-7", null, id))));
            ExecutorService nodes = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> runs =
                        List.of(nodes.submit(() -> worker.drain(BUDGET)), nodes.submit(() -> worker.drain(BUDGET)));
                for (Future<Integer> run : runs) {
                    run.get();
                }
            } finally {
                nodes.shutdown();
            }
            assertThat(sink.ids).containsExactlyElementsOf(queued);
        }
    }

    @Test
    void aRowWithARetryWindowOfThreeDaysIsStillRetriedWhenTheDefaultDayWouldHaveEndedIt() throws Exception {
        try (Sink sink = new Sink(status(503), status(503), status(503), status(503))) {
            UUID org = org();
            UUID channel = webhook(org, sink);
            UUID patient = transaction.execute(
                    status -> queue(org, channel, "long", new DeliveryOptions(null, Duration.ofDays(3), null)));
            UUID plain = transaction.execute(status -> queue(org, channel, "short", DeliveryOptions.none()));

            worker.drain(BUDGET);
            jdbc.sql("""
                            UPDATE delivery SET created_at = now() - interval '25 hours', next_attempt_at = now()
                             WHERE org_id = ?
                            """).param(org).update();
            worker.drain(BUDGET);

            assertThat(row(org, patient)).containsEntry("state", "queued").containsEntry("attempts", 2);
            Map<String, Object> ended = row(org, plain);
            assertThat(ended).containsEntry("state", "failed").containsEntry("attempts", 2);
            assertThat(texts.read((String) ended.get("reason"))).startsWith("It could not be sent within 24 hours");
        }
    }

    @Test
    void theMessageIdIsTheSameOnEveryRetryAndOnARedeliveryWhichIsANewRow() throws Exception {
        try (Sink sink = new Sink(status(503))) {
            UUID org = org();
            UUID channel = webhook(org, sink);
            UUID id = transaction.execute(
                    status -> queue(org, channel, "event", new DeliveryOptions("contact-9", null, "msg_2f8a")));
            worker.drain(BUDGET);
            due(org);
            worker.drain(BUDGET);

            UUID again = transaction.execute(status -> deliveries.redeliver(org, id));
            worker.drain(BUDGET);

            assertThat(sink.ids).containsExactly("msg_2f8a", "msg_2f8a", "msg_2f8a");
            DeliveryRecord redelivered = deliveries.find(org, again).orElseThrow();
            assertThat(redelivered.id()).isNotEqualTo(id);
            assertThat(redelivered.redeliveryOf()).isEqualTo(id);
            assertThat(redelivered.messageId()).isEqualTo("msg_2f8a");
            assertThat(redelivered.state()).isEqualTo("sent");
            assertThat(redelivered.attempts()).isEqualTo(1);

            List<DeliveryRecord> newest = deliveries.ofChannel(org, channel, null, 1);
            assertThat(newest).extracting(DeliveryRecord::id).containsExactly(again);
            List<DeliveryRecord> older =
                    deliveries.ofChannel(org, channel, newest.get(0).cursor(), 100);
            assertThat(older).singleElement().satisfies(original -> {
                assertThat(original.id()).isEqualTo(id);
                assertThat(original.attempts()).isEqualTo(2);
                assertThat(original.lastAttemptAt()).isNotNull();
                assertThat(original.answer()).startsWith("204");
            });
            assertThat(deliveries.find(org(), id)).as("another organization's").isEmpty();
        }
    }

    @Test
    void aRowWithoutAMessageIdIsSignedWithItsOwnId() throws Exception {
        try (Sink sink = new Sink()) {
            UUID org = org();
            UUID id = transaction.execute(status -> queue(org, webhook(org, sink), "plain", DeliveryOptions.none()));
            worker.drain(BUDGET);
            assertThat(sink.ids).containsExactly(id.toString());
            assertThat(deliveries.find(org, id).orElseThrow().messageId()).isEqualTo(id.toString());
        }
    }

    UUID queue(UUID org, UUID channel, String text, DeliveryOptions options) {
        return deliveries
                .queue(org, Destination.channel(channel), OutboundMessage.of("标题", text), ORIGIN, null, options)
                .get(0);
    }

    UUID org() throws Exception {
        return UUID.fromString(new Api(mvc).newOrg().id());
    }

    UUID webhook(UUID org, Sink sink) {
        return channelService
                .create(
                        org,
                        new NewChannel(
                                null, "CRM", ChannelKind.WEBHOOK, sink.url(), StandardWebhooks.newSecret(), true))
                .id();
    }

    void due(UUID org) {
        jdbc.sql("UPDATE delivery SET next_attempt_at = now() WHERE org_id = ? AND state = 'queued'")
                .param(org)
                .update();
    }

    List<String> states(UUID org, UUID channel) {
        return jdbc.sql("SELECT state FROM delivery WHERE org_id = ? AND channel_id = ? ORDER BY queue_seq")
                .params(org, channel)
                .query(String.class)
                .list();
    }

    Map<String, Object> row(UUID org, UUID id) {
        return jdbc.sql("SELECT state, attempts, reason FROM delivery WHERE org_id = ? AND id = ?")
                .params(org, id)
                .query()
                .singleRow();
    }
}
