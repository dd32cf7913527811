package io.liaison.integration.webhook;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import com.standardwebhooks.Webhook;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.channel.delivery.Drain;
import io.liaison.identity.Api;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Webhooks as a receiver meets them: a real HTTP server on loopback gets the changes of contacts,
 * each request verified by the Standard Webhooks reference library ({@code
 * com.standardwebhooks:standardwebhooks}) with the endpoint's secret, in order per contact, again on
 * redelivery, with both secrets during a rotation; an endpoint that keeps failing is turned off and
 * the administrators are told; a loopback address outside the allow list never gets a request. The
 * scheduler is off in tests: each test runs the dispatch rounds and the delivery workers itself.
 */
@LiaisonIntegrationTest
@TestPropertySource(
        properties = {
            "liaison.integration.webhooks.disable-after=0s",
            "liaison.integration.webhooks.disable-failures=3",
            "liaison.integration.webhooks.health-every=0s"
        })
class WebhookSignatureIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    WebhookDispatch dispatch;

    private static final AtomicInteger MOBILES = new AtomicInteger();

    record Endpoint(String id, String secret) {}

    @Test
    void eachRequestVerifiesWithTheReferenceLibraryAndDuringARotationWithBothSecrets() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        try (Receiver receiver = new Receiver()) {
            Endpoint endpoint = endpoint(api, org, receiver.url(), "[\"contact.created\",\"contact.updated\"]");
            String contact = contact(api, org, "王芳");
            api.answer(json(patch("/api/v1/contacts/" + contact), org.adminToken(), "{\"company\":\"星河贸易\"}"), 200);
            pump(org, () -> receiver.accepted().size() >= 2);

            assertThat(receiver.requests).hasSize(2);
            assertThat(receiver.requests.stream()
                            .map(r -> JsonPath.<String>read(r.body(), "$.type"))
                            .toList())
                    .containsExactly("contact.created", "contact.updated");
            for (Receiver.Request request : receiver.requests) {
                assertThatCode(() -> new Webhook(endpoint.secret()).verify(request.body(), request.headers()))
                        .doesNotThrowAnyException();
                assertThat(JsonPath.<String>read(request.body(), "$.data.id")).isEqualTo(contact);
                assertThat(JsonPath.<String>read(request.body(), "$.data.mobile"))
                        .contains("****");
                assertThat(JsonPath.<Boolean>read(request.body(), "$.data.masked"))
                        .isTrue();
            }
            assertThat(JsonPath.<String>read(receiver.requests.get(1).body(), "$.data.company"))
                    .isEqualTo("星河贸易");
            String forged = receiver.requests.get(0).body().replace("王芳", "李娜");
            assertThatCode(() -> new Webhook(endpoint.secret())
                            .verify(forged, receiver.requests.get(0).headers()))
                    .isInstanceOf(com.standardwebhooks.exceptions.WebhookVerificationException.class);

            String rotated =
                    api.answer(as(post("/api/v1/webhooks/" + endpoint.id() + "/rotate-secret"), org.adminToken()), 200);
            String newSecret = JsonPath.read(rotated, "$.secret");
            assertThat(newSecret).startsWith("whsec_").isNotEqualTo(endpoint.secret());
            assertThat(JsonPath.<String>read(rotated, "$.previousSecretUntil")).isNotNull();
            api.answer(json(patch("/api/v1/contacts/" + contact), org.adminToken(), "{\"title\":\"采购经理\"}"), 200);
            pump(org, () -> receiver.accepted().size() >= 3);

            Receiver.Request afterRotation = receiver.requests.get(2);
            assertThat(afterRotation.headers().get("webhook-signature").get(0).split(" "))
                    .hasSize(2);
            for (String secret : List.of(endpoint.secret(), newSecret)) {
                assertThatCode(() -> new Webhook(secret).verify(afterRotation.body(), afterRotation.headers()))
                        .doesNotThrowAnyException();
            }
            String read = api.answer(as(get("/api/v1/webhooks/" + endpoint.id()), org.adminToken()), 200);
            assertThat(read).doesNotContain(endpoint.secret()).doesNotContain(newSecret);
        }
    }

    @Test
    void aContactsUpdateArrivesOnlyAfterItsCreationGotThrough() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        try (Receiver receiver = new Receiver()) {
            AtomicInteger refusals = new AtomicInteger();
            receiver.answer(body -> body.contains("\"contact.created\"") && refusals.getAndIncrement() < 2 ? 503 : 204);
            endpoint(api, org, receiver.url(), "[\"contact.created\",\"contact.updated\"]");
            String contact = contact(api, org, "赵磊");
            api.answer(json(patch("/api/v1/contacts/" + contact), org.adminToken(), "{\"company\":\"ACME\"}"), 200);
            pump(org, () -> receiver.accepted().size() >= 2);

            List<String> seen = receiver.requests.stream()
                    .map(r -> JsonPath.<String>read(r.body(), "$.type") + " " + r.answered())
                    .toList();
            assertThat(seen)
                    .containsExactly(
                            "contact.created 503", "contact.created 503", "contact.created 204", "contact.updated 204");
            assertThat(receiver.requests.get(0).id())
                    .isEqualTo(receiver.requests.get(2).id());
        }
    }

    @Test
    void aDeliveryFromTheLogIsSentAgainWithTheSameIdAndBody() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        try (Receiver receiver = new Receiver()) {
            Endpoint endpoint = endpoint(api, org, receiver.url(), "[\"contact.created\"]");
            contact(api, org, "孙悦");
            pump(org, () -> receiver.accepted().size() >= 1);

            String log =
                    api.answer(as(get("/api/v1/webhooks/" + endpoint.id() + "/deliveries"), org.adminToken()), 200);
            assertThat(JsonPath.<List<String>>read(log, "$.items[*].state")).containsExactly("sent");
            String delivery = JsonPath.read(log, "$.items[0].id");
            api.answer(
                    as(
                            post("/api/v1/webhooks/" + endpoint.id() + "/deliveries/" + delivery + "/redeliver"),
                            org.adminToken()),
                    202);
            pump(org, () -> receiver.accepted().size() >= 2);

            assertThat(receiver.requests.get(1).id())
                    .isEqualTo(receiver.requests.get(0).id());
            assertThat(receiver.requests.get(1).body())
                    .isEqualTo(receiver.requests.get(0).body());
            assertThatCode(() -> new Webhook(endpoint.secret())
                            .verify(
                                    receiver.requests.get(1).body(),
                                    receiver.requests.get(1).headers()))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void anEndpointThatKeepsFailingIsTurnedOffAndTheAdministratorsAreTold() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        try (Receiver receiver = new Receiver()) {
            receiver.answer(body -> 500);
            Endpoint endpoint = endpoint(api, org, receiver.url(), "[\"contact.created\"]");
            contact(api, org, "周强");
            pump(
                    org,
                    () -> !jdbc.sql("SELECT enabled FROM webhook_endpoint WHERE id = ?::uuid")
                            .param(endpoint.id())
                            .query(Boolean.class)
                            .single());
            assertThat(receiver.requests).hasSizeGreaterThanOrEqualTo(3);

            String read = api.answer(as(get("/api/v1/webhooks/" + endpoint.id()), org.adminToken()), 200);
            assertThat(JsonPath.<Boolean>read(read, "$.enabled")).isFalse();
            assertThat(JsonPath.<String>read(read, "$.disabledReason")).contains("failed attempts in a row");
            assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE org_id = ?::uuid AND member_id = ?::uuid"
                                    + " AND kind = 'webhook-disabled'")
                            .params(org.id(), org.adminId())
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
            int before = receiver.requests.size();
            contact(api, org, "吴敏");
            pump(org, () -> true);
            assertThat(receiver.requests).hasSize(before);
        }
    }

    @Test
    void aLoopbackAddressOutsideTheAllowListIsRefusedAndTheLogSaysWhy() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        try (Receiver receiver = new Receiver()) {
            // 127.0.0.2 is loopback like 127.0.0.1 but not on the tests' allow list (127.0.0.1).
            String url = "http://127.0.0.2:" + receiver.port() + "/hook";
            Endpoint endpoint = endpoint(api, org, url, "[\"contact.created\"]");
            contact(api, org, "郑洁");
            pump(org, () -> true);

            String log =
                    api.answer(as(get("/api/v1/webhooks/" + endpoint.id() + "/deliveries"), org.adminToken()), 200);
            assertThat(JsonPath.<List<String>>read(log, "$.items[*].state")).containsExactly("failed");
            assertThat(JsonPath.<String>read(log, "$.items[0].reason")).contains("loopback or private");
            assertThat(receiver.requests).isEmpty();
        }
    }

    private Endpoint endpoint(Api api, Api.Org org, String url, String types) throws Exception {
        String created = api.answer(
                json(
                        post("/api/v1/webhooks"),
                        org.adminToken(),
                        "{\"url\":\"" + url + "\",\"description\":\"CRM\",\"eventTypes\":" + types + "}"),
                201);
        return new Endpoint(JsonPath.read(created, "$.id"), JsonPath.read(created, "$.secret"));
    }

    private String contact(Api api, Api.Org org, String name) throws Exception {
        String created = api.answer(
                json(
                        post("/api/v1/contacts"),
                        org.adminToken(),
                        "{\"name\":\"" + name + "\",\"mobile\":\"1380013" + (8000 + MOBILES.incrementAndGet())
                                + "\",\"ownerId\":\"" + org.adminId() + "\"}"),
                201);
        return JsonPath.read(created, "$.id");
    }

    /**
     * Runs dispatch rounds and the delivery workers, making the organization's waiting retries due at
     * once, until {@code done} or twenty turns.
     */
    private void pump(Api.Org org, java.util.function.BooleanSupplier done) {
        for (int turn = 0; turn < 20 && !(turn > 0 && done.getAsBoolean()); turn++) {
            dispatch.round();
            jdbc.sql("UPDATE delivery SET next_attempt_at = now() WHERE org_id = ?::uuid AND state = 'queued'")
                    .param(org.id())
                    .update();
            Drain.now(context);
        }
        assertThat(done.getAsBoolean()).as("the receiver got what it waits for").isTrue();
    }
}
