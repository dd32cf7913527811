package io.liaison.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.channel.Deliveries;
import io.liaison.channel.DeliveryOrigin;
import io.liaison.channel.Destination;
import io.liaison.channel.OutboundMessage;
import io.liaison.channel.delivery.Drain;
import io.liaison.channel.send.FakeSmtpServer;
import io.liaison.identity.Api;
import io.liaison.review.finding.FindingRun;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An e-mail address whose mail the recipient's server refused for good (a real delivery, sent by the
 * channel module's worker to an SMTP server that answers 550 for the recipient) makes its contact
 * invalid; a later delivery to the address that went through clears it.
 */
@LiaisonIntegrationTest
class BouncedEmailIntegrationTests {

    static final FakeSmtpServer REFUSING = new FakeSmtpServer("550 5.1.1 <gone@customer.example>: user unknown");

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("liaison.channel.smtp.host", () -> "127.0.0.1");
        registry.add("liaison.channel.smtp.port", REFUSING::port);
        registry.add("liaison.channel.smtp.from", () -> "Liaison <noreply@liaison.example>");
        registry.add("liaison.channel.smtp.security", () -> "none");
    }

    @AfterAll
    static void stop() throws java.io.IOException {
        REFUSING.close();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Deliveries deliveries;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ApplicationContext context;

    @Autowired
    FindingRun run;

    @Test
    void anAddressTheServerRefusedForGoodMakesItsContactInvalidUntilMailGoesThrough() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("en");
        UUID orgId = UUID.fromString(org.id());
        String gone = FindingChecksIntegrationTests.contact(api, org, """
                {"name":"Gone Away","company":"Acme","emails":[{"address":"here@customer.example"},
                 {"address":"Gone@Customer.example"}]}""");
        String unmailed = FindingChecksIntegrationTests.contact(
                api, org, "{\"name\":\"Never Mailed\",\"emails\":[{\"address\":\"quiet@customer.example\"}]}");
        List<UUID> rows = transaction.execute(status -> deliveries.queue(
                orgId,
                Destination.email("gone@customer.example"),
                new OutboundMessage("Hello", "Hello from Acme", null, null, null, null, List.of()),
                new DeliveryOrigin("review", null, false),
                null));
        Drain.now(context);
        assertThat(jdbc.sql("SELECT state || ' ' || answer FROM delivery WHERE org_id = ? AND id = ?")
                        .params(orgId, rows.get(0))
                        .query(String.class)
                        .single())
                .as("the channel module recorded the refusal")
                .startsWith("failed 550 5.1.1");

        run.run(orgId);

        String invalid = api.answer(
                Api.as(get("/api/v1/review/findings?kind=invalid"), org.adminToken())
                        .header("Accept-Language", "en"),
                200);
        assertThat(FindingChecksIntegrationTests.names(invalid)).containsExactly("Gone Away");
        assertThat(FindingChecksIntegrationTests.reasons(invalid, gone)).containsExactly("invalid.bounced");
        assertThat(FindingChecksIntegrationTests.sentence(invalid, gone))
                .startsWith("Mail to gone@customer.example bounced for good on ");
        assertThat(FindingChecksIntegrationTests.reasons(invalid, unmailed)).isEmpty();

        // Mail to the address went through afterwards (the mailbox is back): it is not bounced any more.
        jdbc.sql("""
                        INSERT INTO delivery (org_id, id, email_address, kind, origin_module, message, state, ended_at)
                        VALUES (?, ?, 'gone@customer.example', 'email', 'review', '{}', 'sent', now() + interval '1 second')
                        """).params(orgId, UUID.randomUUID()).update();
        run.run(orgId);
        assertThat(FindingChecksIntegrationTests.names(
                        api.answer(Api.as(get("/api/v1/review/findings?kind=invalid"), org.adminToken()), 200)))
                .isEmpty();
    }
}
