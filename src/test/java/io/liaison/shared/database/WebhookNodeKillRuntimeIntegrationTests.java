package io.liaison.shared.database;

import static io.liaison.shared.database.LiaisonProcess.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhooks across a {@code kill -9}: a Liaison process sends the changes of 40 contacts (created,
 * then changed twice) to a receiver in this JVM, which checks each signature with the Standard
 * Webhooks reference library and answers slowly; the process is killed while it dispatches and
 * sends, and started again on the same database. The receiver ends up with every change at least
 * once, and for each contact the first arrival of its changes in the order they were made.
 */
class WebhookNodeKillRuntimeIntegrationTests {

    private static final String PASSWORD = "webhook-kill-password";
    private static final int CONTACTS = 40;

    record Arrival(String id, String type, String contact) {}

    @Test
    void everyChangeArrivesAtLeastOnceAndInOrderPerContactAcrossAKill(@TempDir Path work) throws Exception {
        LiaisonProcess node = null;
        LiaisonProcess restarted = null;
        EmbeddedPostgres database = SharedDatabaseNodes.startDatabase();
        List<Arrival> arrivals = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        receiver.setExecutor(Executors.newFixedThreadPool(16));
        try {
            Path data = work.resolve("data");
            node = launch(database, data);
            node.awaitHealthy();
            String token = token(node);
            String created = answer(
                    node.post(
                            "/api/v1/webhooks",
                            token,
                            "{\"url\":\"http://127.0.0.1:%d/hook\",\"eventTypes\":[\"contact.created\",\"contact.updated\"]}"
                                    .formatted(receiver.getAddress().getPort())),
                    201);
            Webhook verifier = new Webhook(JsonPath.<String>read(created, "$.secret"));
            receiver.createContext("/hook", exchange -> receive(exchange, verifier, arrivals));
            receiver.start();

            List<String> contacts = new ArrayList<>();
            for (int i = 0; i < CONTACTS; i++) {
                contacts.add(JsonPath.read(
                        answer(node.post("/api/v1/contacts", token, "{\"name\":\"节点联系人 " + i + "\"}"), 201), "$.id"));
            }
            for (int round = 1; round <= 2; round++) {
                for (String contact : contacts) {
                    answer(node.patch("/api/v1/contacts/" + contact, token, "{\"title\":\"第 " + round + " 次\"}"), 200);
                }
            }
            await(() -> arrivals.size() >= 20, 120, "the first deliveries");
            node.kill();
            int beforeRestart = arrivals.size();
            assertThat(beforeRestart)
                    .as("changes still to send when the node was killed")
                    .isLessThan(3 * CONTACTS);

            restarted = launch(database, data);
            restarted.awaitHealthy();
            await(
                    () -> firstArrivals(arrivals).values().stream()
                                    .mapToInt(List::size)
                                    .sum()
                            >= 3 * CONTACTS,
                    180,
                    "every change");

            Map<String, List<String>> byContact = firstArrivals(arrivals);
            assertThat(byContact.keySet()).containsExactlyInAnyOrderElementsOf(contacts);
            assertThat(byContact.values())
                    .allSatisfy(types ->
                            assertThat(types).containsExactly("contact.created", "contact.updated", "contact.updated"));
        } finally {
            receiver.stop(0);
            SharedDatabaseNodes.close(node, restarted);
            database.close();
        }
    }

    /** For each contact, the types of its distinct webhook-ids in the order each first arrived. */
    private static Map<String, List<String>> firstArrivals(List<Arrival> arrivals) {
        Set<String> seen = new LinkedHashSet<>();
        Map<String, List<String>> byContact = new LinkedHashMap<>();
        for (Arrival arrival : arrivals) {
            if (seen.add(arrival.id())) {
                byContact
                        .computeIfAbsent(arrival.contact(), c -> new ArrayList<>())
                        .add(arrival.type());
            }
        }
        return byContact;
    }

    private static void receive(HttpExchange exchange, Webhook verifier, List<Arrival> arrivals) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        int status = 204;
        try {
            verifier.verify(body, headers);
            Thread.sleep(30);
            arrivals.add(new Arrival(
                    headers.get("webhook-id").get(0), JsonPath.read(body, "$.type"), JsonPath.read(body, "$.data.id")));
        } catch (Exception e) {
            status = 401;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /**
     * The node: the receiver on loopback allowed, small dispatch batches so that the kill falls among
     * them, and a dead node's deliveries taken back after 30 s.
     */
    private static LiaisonProcess launch(EmbeddedPostgres database, Path data) throws IOException {
        return SharedDatabaseNodes.launch(
                database,
                data,
                "node-a",
                PASSWORD,
                Map.of(
                        "LIAISON_SECRET_KEY", "webhook-kill-secret-key",
                        "LIAISON_OUTBOUND_ALLOWED_HOSTS", "127.0.0.1",
                        "LIAISON_CHANNEL_LEASE", "30s",
                        "LIAISON_INTEGRATION_WEBHOOKS_BATCH", "5"));
    }

    private static String token(LiaisonProcess node) throws Exception {
        String created = answer(node.post("/api/v1/tokens", basic("admin", PASSWORD), "{\"name\":\"t\"}"), 201);
        return "Bearer " + JsonPath.read(created, "$.token");
    }

    private static String answer(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response.body();
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Condition condition, int seconds, String what) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(seconds));
        while (!condition.holds()) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            Thread.sleep(200);
        }
    }
}
