package io.liaison.channel.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.channel.ChannelFailing;
import io.liaison.channel.ChannelHealth;
import io.liaison.channel.Deliveries;
import io.liaison.channel.DeliveryOptions;
import io.liaison.channel.DeliveryOrigin;
import io.liaison.channel.Destination;
import io.liaison.channel.OutboundMessage;
import io.liaison.channel.StandardWebhooks;
import io.liaison.channel.WebhookChannels;
import io.liaison.channel.delivery.Drain;
import io.liaison.identity.Api;
import io.liaison.shared.LiaisonException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** A module's webhook channel: its secret rotated with both signatures for a while, and its health. */
@LiaisonIntegrationTest
@RecordApplicationEvents
class WebhookChannelsIntegrationTests {

    static final DeliveryOrigin ORIGIN = new DeliveryOrigin("integration", null, false);

    @Autowired
    MockMvc mvc;

    @Autowired
    WebhookChannels webhooks;

    @Autowired
    Deliveries deliveries;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApplicationEvents events;

    @Test
    void aRotatedSecretStillVerifiesWithTheOldSecretUntilItsEndAndTheHealthTellsTheFailures() throws Exception {
        String old = StandardWebhooks.newSecret();
        String fresh = StandardWebhooks.newSecret();
        try (WebhookReceiver receiver = new WebhookReceiver(old)) {
            UUID org = UUID.fromString(new Api(mvc).newOrg().id());
            UUID channel = webhooks.create(org, "integration", "CRM 同步", receiver.url(), old);
            send(org, channel, "evt_1");
            Instant firstSent = Instant.now();

            webhooks.rotate(org, channel, fresh, Instant.now().plusSeconds(3600));
            send(org, channel, "evt_2");
            jdbc.sql("UPDATE channel SET previous_until = now() - interval '1 second' WHERE org_id = ? AND id = ?")
                    .params(org, channel)
                    .update();
            send(org, channel, "evt_3");

            assertThat(receiver.received)
                    .extracting(WebhookReceiver.Received::id)
                    .containsExactly("evt_1", "evt_2", "evt_3");
            assertThat(receiver.received)
                    .extracting(WebhookReceiver.Received::verified)
                    .as("the old secret verifies until the end it was given")
                    .containsExactly(true, true, false);
            assertThat(receiver.received.get(1).signatures().split(" ")).hasSize(2);
            String stored = jdbc.sql("SELECT previous_secret FROM channel WHERE org_id = ? AND id = ?")
                    .params(org, channel)
                    .query(String.class)
                    .single();
            assertThat(stored).as("encrypted").doesNotContain(old.substring(6, 20));

            ChannelHealth health = webhooks.health(org, channel);
            assertThat(health.failuresInARow()).isEqualTo(1);
            assertThat(health.failingSince()).isAfter(firstSent);
            assertThat(health.lastSuccessAt()).isBefore(health.failingSince());
        }
    }

    @Test
    void badInputIsRefusedWithTheFieldNamedAndAnotherOrganizationsChannelIsNotFound() throws Exception {
        UUID org = UUID.fromString(new Api(mvc).newOrg().id());
        UUID other = UUID.fromString(new Api(mvc).newOrg().id());
        String secret = StandardWebhooks.newSecret();

        assertThatThrownBy(() -> webhooks.create(org, "integration", "CRM", "ftp://crm.example.com", secret))
                .isInstanceOfSatisfying(
                        LiaisonException.class,
                        e -> assertThat(e.errors())
                                .extracting(LiaisonException.FieldError::field)
                                .containsExactly("url"));
        assertThatThrownBy(() -> webhooks.create(org, "integration", "CRM", "https://crm.example.com", "plain"))
                .isInstanceOfSatisfying(
                        LiaisonException.class,
                        e -> assertThat(e.errors())
                                .extracting(LiaisonException.FieldError::field)
                                .containsExactly("secret"));
        UUID channel = webhooks.create(org, "integration", "CRM", "https://crm.example.com/hook", secret);

        assertThatThrownBy(() -> webhooks.update(other, channel, "CRM", "https://crm.example.com/hook", false))
                .isInstanceOfSatisfying(
                        LiaisonException.class,
                        e -> assertThat(e.status().value()).isEqualTo(404));
        webhooks.update(org, channel, "CRM 2", "https://crm.example.com/v2", false);
        webhooks.delete(org, channel);
        assertThatThrownBy(() -> webhooks.health(org, channel)).isInstanceOf(LiaisonException.class);
    }

    @Test
    void aFailingModuleWebhookIsReportedForItsModuleAndNoAdministratorIsNotifiedWithALinkToHiddenPages()
            throws Exception {
        try (WebhookReceiver refusing = new WebhookReceiver(StandardWebhooks.newSecret())) {
            UUID org = UUID.fromString(new Api(mvc).newOrg().id());
            UUID channel = webhooks.create(org, "integration", "CRM", refusing.url(), StandardWebhooks.newSecret());
            for (int i = 0; i < 5; i++) {
                send(org, channel, "evt_" + i);
            }

            assertThat(events.stream(ChannelFailing.class)
                            .filter(e -> e.channelId().equals(channel)))
                    .singleElement()
                    .extracting(ChannelFailing::ownerModule)
                    .isEqualTo("integration");
            assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE org_id = ?")
                            .param(org)
                            .query(Integer.class)
                            .single())
                    .isZero();
        }
    }

    void send(UUID org, UUID channel, String messageId) {
        transaction.executeWithoutResult(status -> deliveries.queue(
                org,
                Destination.channel(channel),
                OutboundMessage.of("contact.updated", "x").withJson("{\"type\":\"contact.updated\"}"),
                ORIGIN,
                null,
                new DeliveryOptions(channel.toString(), null, messageId)));
        Drain.now(context);
    }
}
