package io.liaison.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.channel.StandardWebhooks;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Liaison nodes drain one delivery queue to a webhook receiver that answers slowly, so that
 * sends are in flight on both: each delivery arrives once, and when a node is killed ({@code kill
 * -9}) mid-drain, the other and the restarted one finish every delivery; only the deliveries the
 * dead node had sent without recording the answer may arrive twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralNodesDeliveryIntegrationTests {

    private static final String PASSWORD = "several-nodes-password";
    private static final String SECRET_KEY = "several-nodes-delivery-secret-key";
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final int SIGKILL_EXIT = 128 + 9;

    private EmbeddedPostgres database;
    private Path data;
    private WebhookReceiver receiver;
    private ChannelQueueClient client;
    private LiaisonProcess a;
    private LiaisonProcess b;
    private UUID org;
    private UUID channel;

    @BeforeAll
    void startTwoNodesAndAReceiver(@TempDir Path work) throws Exception {
        database = SharedDatabaseNodes.startDatabase();
        data = work.resolve("data");
        String secret = StandardWebhooks.newSecret();
        receiver = new WebhookReceiver(secret, Duration.ofMillis(20));
        client = new ChannelQueueClient(database.getPostgresDatabase(), SECRET_KEY, data);
        a = node("node-a");
        b = node("node-b");
        a.awaitHealthy();
        b.awaitHealthy();
        org = UUID.fromString(single("SELECT id::text FROM organization"));
        channel = client.webhook(org, receiver.url(), secret);
    }

    /**
     * Channel secrets under one key; the receiver on loopback allowed; a dead node's rows back after
     * 30 s. Five scheduler threads a node and one reminder worker (which holds a thread while it
     * runs), so that one node cannot run all eight sending workers, and a poll every second, so that
     * the other node takes the rest at once: both drain at the same time.
     */
    private LiaisonProcess node(String name) throws Exception {
        return SharedDatabaseNodes.launch(
                database,
                data,
                name,
                PASSWORD,
                Map.of(
                        "LIAISON_SECRET_KEY",
                        SECRET_KEY,
                        "LIAISON_OUTBOUND_ALLOWED_HOSTS",
                        "127.0.0.1",
                        "LIAISON_CHANNEL_LEASE",
                        LEASE.toSeconds() + "s",
                        "DB_SCHEDULER_THREADS",
                        "5",
                        "LIAISON_REMINDER_WORKERS",
                        "1",
                        "DB_SCHEDULER_POLLING_INTERVAL",
                        "1s"));
    }

    @AfterAll
    void stopEverything() throws Exception {
        SharedDatabaseNodes.close(a, b);
        if (client != null) {
            client.close();
        }
        if (receiver != null) {
            receiver.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void twoNodesDrainingOneQueueSendEachDeliveryOnce() throws Exception {
        receiver.forget();
        List<UUID> ids = client.queue(org, channel, 3_000, 200);

        Set<Long> claimers = new HashSet<>();
        Instant deadline = Instant.now().plusSeconds(90);
        while (unfinished() > 0 && Instant.now().isBefore(deadline)) {
            claimers.addAll(claimingNodes());
            Thread.sleep(20);
        }

        assertThat(states()).as("delivery states").isEqualTo(Map.of("sent", 3_000));
        assertThat(claimers).as("nodes seen sending").contains(a.pid(), b.pid());
        assertThat(receiver.refused()).as("requests with a bad signature").isZero();
        assertThat(receiver.received().keySet()).containsExactlyInAnyOrderElementsOf(strings(ids));
        assertThat(repeated()).as("webhook-ids received more than once").isEmpty();
    }

    @Test
    @Order(2)
    void aNodeKilledMidDrainLosesNoDeliveryAndRepeatsOnlyThoseItHadInFlight() throws Exception {
        receiver.forget();
        List<UUID> ids = client.queue(org, channel, 3_000, 200);
        Instant deadline = Instant.now().plusSeconds(60);
        // the nodes' claims come and go in batches: both must be seen sending, and the one with the
        // most in flight at the moment of the kill is killed
        Map<Long, Integer> sending = Map.of();
        Set<Long> claimers = new HashSet<>();
        while (Instant.now().isBefore(deadline)) {
            sending = sendingByNode();
            claimers.addAll(sending.keySet());
            if (receiver.received().size() >= 600 && claimers.size() == 2 && !sending.isEmpty()) {
                break;
            }
            Thread.sleep(5);
        }
        assertThat(claimers).as("nodes seen with deliveries in flight").contains(a.pid(), b.pid());
        assertThat(sending).as("deliveries in flight at the kill").isNotEmpty();

        boolean killA = sending.getOrDefault(a.pid(), 0) >= sending.getOrDefault(b.pid(), 0);
        LiaisonProcess killed = killA ? a : b;
        killed.kill();
        assertThat(killed.awaitExit(Duration.ofSeconds(5)))
                .as("exit code of SIGKILL")
                .isEqualTo(SIGKILL_EXIT);
        int inFlight = sendingByNode().getOrDefault(killed.pid(), 0);
        int sentBefore = receiver.received().size();
        assertThat(inFlight).as("deliveries the killed node had claimed").isPositive();
        assertThat(sentBefore).as("deliveries received before the kill").isBetween(600, 2_999);

        LiaisonProcess restarted = node(killA ? "node-a" : "node-b");
        if (killA) {
            a = restarted;
        } else {
            b = restarted;
        }
        restarted.awaitHealthy();
        deadline = Instant.now().plus(LEASE).plusSeconds(60);
        while (unfinished() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }

        assertThat(states()).as("delivery states").isEqualTo(Map.of("sent", 6_000));
        assertThat(receiver.refused()).as("requests with a bad signature").isZero();
        assertThat(receiver.received().keySet()).as("none lost").containsExactlyInAnyOrderElementsOf(strings(ids));
        Map<String, Integer> repeated = repeated();
        assertThat(repeated.values()).as("times a repeated delivery arrived").allMatch(times -> times == 2);
        assertThat(repeated.size())
                .as("deliveries received twice, of %d in flight on the killed node", inFlight)
                .isLessThanOrEqualTo(inFlight);
        System.out.printf(
                "Killed %s with %d deliveries claimed (%d received before); %d arrived twice%n",
                killA ? "node-a" : "node-b", inFlight, sentBefore, repeated.size());
    }

    private Map<String, Integer> repeated() {
        Map<String, Integer> repeated = new HashMap<>();
        for (Map.Entry<String, AtomicInteger> id : receiver.received().entrySet()) {
            if (id.getValue().get() > 1) {
                repeated.put(id.getKey(), id.getValue().get());
            }
        }
        return repeated;
    }

    private static List<String> strings(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toList();
    }

    private int unfinished() throws Exception {
        return Integer.parseInt(single("SELECT count(*) FROM delivery WHERE state IN ('queued', 'sending')"));
    }

    /** The number of rows by state, failed and skipped ones only when they have their reason. */
    private Map<String, Integer> states() throws Exception {
        Map<String, Integer> states = new HashMap<>();
        query(
                "SELECT state || CASE WHEN state IN ('failed', 'skipped') AND reason IS NULL THEN ' without reason'"
                        + " ELSE '' END, count(*) FROM delivery GROUP BY 1",
                rs -> states.put(rs.getString(1), rs.getInt(2)));
        return states;
    }

    /** The rows being sent by each node's JVM ({@code claimed_by} starts with {@code pid@host}). */
    private Map<Long, Integer> sendingByNode() throws Exception {
        Map<Long, Integer> sending = new HashMap<>();
        query(
                "SELECT split_part(claimed_by, '@', 1), count(*) FROM delivery WHERE state = 'sending' GROUP BY 1",
                rs -> sending.put(Long.parseLong(rs.getString(1)), rs.getInt(2)));
        return sending;
    }

    private Set<Long> claimingNodes() throws Exception {
        return sendingByNode().keySet();
    }

    private String single(String sql) throws Exception {
        StringBuilder value = new StringBuilder();
        query(sql, rs -> value.append(rs.getString(1)));
        return value.toString();
    }

    private interface Row {
        void read(ResultSet rs) throws Exception;
    }

    private void query(String sql, Row row) throws Exception {
        try (Connection c = database.getPostgresDatabase().getConnection();
                PreparedStatement query = c.prepareStatement(sql);
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                row.read(rs);
            }
        }
    }
}
