package io.liaison.channel.delivery;

import static io.liaison.channel.delivery.Sink.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.channel.ChannelFailing;
import io.liaison.channel.ChannelKind;
import io.liaison.channel.Deliveries;
import io.liaison.channel.DeliveryEnded;
import io.liaison.channel.DeliveryOrigin;
import io.liaison.channel.Destination;
import io.liaison.channel.OutboundMessage;
import io.liaison.channel.StandardWebhooks;
import io.liaison.channel.config.ChannelLookup;
import io.liaison.channel.config.ChannelService;
import io.liaison.channel.config.NewChannel;
import io.liaison.channel.send.Adapters;
import io.liaison.channel.send.ChannelAdapter;
import io.liaison.channel.send.ChannelSettings;
import io.liaison.channel.send.RateLimit;
import io.liaison.channel.send.SendResult;
import io.liaison.channel.send.Target;
import io.liaison.identity.Api;
import io.liaison.shared.StoredMessages;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@LiaisonIntegrationTest
@RecordApplicationEvents
class DeliveryWorkerIntegrationTests {

    static final DeliveryOrigin ORIGIN = new DeliveryOrigin("test", null, false);
    static final Duration BUDGET = Duration.ofMinutes(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    Deliveries deliveries;

    @Autowired
    DeliveryWorker worker;

    @Autowired
    DeliveryRepository repository;

    @Autowired
    DeliveryRecords records;

    @Autowired
    ChannelService channelService;

    @Autowired
    ChannelLookup lookup;

    @Autowired
    JsonMapper json;

    @Autowired
    StoredMessages texts;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ChannelSettings settings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    List<ChannelAdapter> adapters;

    @Test
    void aSinkThatFailsTwiceGetsTheMessageThreeTimesAndTheDeliveryEndsSent() throws Exception {
        try (Sink sink = new Sink(status(500), status(503))) {
            UUID org = org();
            UUID id = queue(org, webhook(org, sink), 1).get(0);

            worker.drain(BUDGET);
            Map<String, Object> first = row(org, id);
            assertThat(first).containsEntry("state", "queued").containsEntry("attempts", 1);
            Duration wait =
                    Duration.between(Instant.now(), ((java.sql.Timestamp) first.get("next_attempt_at")).toInstant());
            assertThat(wait)
                    .as("the first backoff, with jitter")
                    .isBetween(Duration.ofSeconds(3), Duration.ofSeconds(11));
            due(org);
            worker.drain(BUDGET);
            due(org);
            worker.drain(BUDGET);

            assertThat(sink.ids).containsExactly(id.toString(), id.toString(), id.toString());
            Map<String, Object> end = row(org, id);
            assertThat(end).containsEntry("state", "sent").containsEntry("attempts", 3);
            assertThat((String) end.get("request")).contains("?***").doesNotContain("token=abc");
            assertThat(events.stream(DeliveryEnded.class)
                            .filter(e -> e.deliveryId().equals(id)))
                    .singleElement()
                    .extracting(DeliveryEnded::state)
                    .isEqualTo("sent");
        }
    }

    @Test
    void a400IsFailedAtOnceWithOneAttempt() throws Exception {
        try (Sink sink = new Sink(status(400))) {
            UUID org = org();
            UUID id = queue(org, webhook(org, sink), 1).get(0);

            worker.drain(BUDGET);

            Map<String, Object> end = row(org, id);
            assertThat(end).containsEntry("state", "failed").containsEntry("attempts", 1);
            assertThat((String) end.get("answer")).startsWith("400");
            assertThat(texts.read((String) end.get("reason")))
                    .isEqualTo("The platform answered with an HTTP error; see its answer.");
            assertThat(sink.ids).hasSize(1);
        }
    }

    @Test
    void aRetryAfterIsHonoured() throws Exception {
        try (Sink sink = new Sink(new Sink.Answer(429, "120"))) {
            UUID org = org();
            UUID id = queue(org, webhook(org, sink), 1).get(0);

            worker.drain(BUDGET);

            Map<String, Object> row = row(org, id);
            assertThat(row).containsEntry("state", "queued");
            Instant next = ((java.sql.Timestamp) row.get("next_attempt_at")).toInstant();
            assertThat(next).isAfter(Instant.now().plusSeconds(110));
        }
    }

    @Test
    void aRateLimitOfTwentyAMinuteQueuesTheTwentyFirstInsteadOfFailingIt() throws Exception {
        UUID org = org();
        List<UUID> sent = new CopyOnWriteArrayList<>();
        ChannelAdapter robot = new ChannelAdapter() {
            public ChannelKind kind() {
                return ChannelKind.DINGTALK;
            }

            public List<RateLimit> rateLimits() {
                return List.of(new RateLimit(20, Duration.ofMinutes(1)), new RateLimit(100, Duration.ofHours(1)));
            }

            public List<OutboundMessage> split(OutboundMessage message) {
                return List.of(message);
            }

            public SendResult send(Target target, OutboundMessage message) {
                sent.add(target.deliveryId());
                return SendResult.sent("POST robot", "200 {\"errcode\":0}");
            }
        };
        UUID channel = channelService
                .create(org, new NewChannel(null, "机器人", ChannelKind.DINGTALK, "https://example.com/robot", null, true))
                .id();
        Adapters withRobot = adapters(robot);
        DeliveryQueue queue = new DeliveryQueue(repository, records, lookup, withRobot, json, texts, publisher);
        List<UUID> ids = transaction.execute(status -> {
            List<UUID> all = new ArrayList<>();
            for (int i = 0; i < 21; i++) {
                all.addAll(queue.queue(
                        org, Destination.channel(channel), OutboundMessage.of("t", "消息 " + i), ORIGIN, null));
            }
            return all;
        });

        worker(withRobot).drain(BUDGET);

        assertThat(sent).hasSize(20);
        UUID last = ids.stream().filter(id -> !sent.contains(id)).findFirst().orElseThrow();
        Map<String, Object> waiting = row(org, last);
        assertThat(waiting).containsEntry("state", "queued").containsEntry("attempts", 0);
        assertThat(((java.sql.Timestamp) waiting.get("next_attempt_at")).toInstant())
                .isAfter(Instant.now().plusSeconds(50));
    }

    @Test
    void twoWorkersNeverSendTheSameRowTwice() throws Exception {
        try (Sink sink = new Sink()) {
            sink.delay(Duration.ofMillis(3));
            UUID org = org();
            List<UUID> ids = queue(org, webhook(org, sink), 200);
            ExecutorService nodes = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> runs = List.of(
                        nodes.submit(() -> worker(new Adapters(adapters)).drain(BUDGET)),
                        nodes.submit(() -> worker(new Adapters(adapters)).drain(BUDGET)));
                assertThat(runs.get(0).get() + runs.get(1).get()).isGreaterThanOrEqualTo(200);
                assertThat(runs.get(0).get()).as("both workers took rows").isPositive();
                assertThat(runs.get(1).get()).as("both workers took rows").isPositive();
            } finally {
                nodes.shutdown();
            }
            assertThat(sink.ids).hasSize(200).doesNotHaveDuplicates();
            assertThat(jdbc.sql("SELECT count(*) FROM delivery WHERE org_id = ? AND state = 'sent' AND attempts = 1")
                            .param(org)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(ids.size());
        }
    }

    @Test
    void aRowLeftSendingByADeadNodeIsTakenBackAfterTheLeaseAndItsAttemptCounted() throws Exception {
        try (Sink sink = new Sink()) {
            UUID org = org();
            UUID id = queue(org, webhook(org, sink), 1).get(0);
            jdbc.sql("""
                            UPDATE delivery SET state = 'sending', attempts = 1, claimed_by = 'dead node',
                                   claimed_at = now() - interval '1 hour', attempted_at = now() - interval '1 hour'
                             WHERE org_id = ? AND id = ?
                            """).params(org, id).update();

            worker.drain(BUDGET);

            assertThat(row(org, id)).containsEntry("state", "sent").containsEntry("attempts", 2);
            assertThat(sink.ids).containsExactly(id.toString());
        }
    }

    @Test
    void aChannelIsReportedFailingOnceForItsSpellOfFailures() throws Exception {
        try (Sink sink = new Sink(status(400), status(400), status(400), status(400), status(400), status(400))) {
            UUID org = org();
            UUID channel = webhook(org, sink);
            queue(org, channel, settings.failingAfter() + 1);

            worker.drain(BUDGET);

            assertThat(events.stream(ChannelFailing.class)
                            .filter(e -> e.channelId().equals(channel)))
                    .singleElement()
                    .satisfies(e -> assertThat(e.failures()).isEqualTo(settings.failingAfter()));
        }
    }

    @Test
    void aChannelDisabledAfterQueuingSkipsItsDeliveryWithTheReason() throws Exception {
        try (Sink sink = new Sink()) {
            UUID org = org();
            UUID channel = webhook(org, sink);
            UUID id = queue(org, channel, 1).get(0);
            jdbc.sql("UPDATE channel SET enabled = false WHERE org_id = ? AND id = ?")
                    .params(org, channel)
                    .update();

            worker.drain(BUDGET);

            assertThat(row(org, id)).containsEntry("state", "skipped");
            assertThat(sink.ids).isEmpty();
        }
    }

    DeliveryWorker worker(Adapters adapters) {
        return new DeliveryWorker(repository, lookup, adapters, json, texts, publisher, transaction, settings);
    }

    /** The server's adapters, with {@code replacement} for its kind. */
    Adapters adapters(ChannelAdapter replacement) {
        List<ChannelAdapter> all = new ArrayList<>(
                adapters.stream().filter(a -> a.kind() != replacement.kind()).toList());
        all.add(replacement);
        return new Adapters(all);
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

    List<UUID> queue(UUID org, UUID channel, int count) {
        return transaction.execute(status -> {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ids.addAll(deliveries.queue(
                        org, Destination.channel(channel), OutboundMessage.of("标题", "正文 " + i), ORIGIN, null));
            }
            return ids;
        });
    }

    void due(UUID org) {
        jdbc.sql("UPDATE delivery SET next_attempt_at = now() WHERE org_id = ? AND state = 'queued'")
                .param(org)
                .update();
    }

    Map<String, Object> row(UUID org, UUID id) {
        return jdbc.sql("""
                        SELECT state, attempts, next_attempt_at, request, answer, reason
                          FROM delivery WHERE org_id = ? AND id = ?
                        """).params(org, id).query().singleRow();
    }
}
