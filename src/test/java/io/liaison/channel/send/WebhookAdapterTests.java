package io.liaison.channel.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.channel.OutboundMessage;
import io.liaison.channel.StandardWebhooks;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class WebhookAdapterTests {

    static final OutboundMessage MESSAGE = OutboundMessage.of("客户分享", "张三 shared a contact with you");

    final String secret = StandardWebhooks.newSecret();
    final WebhookAdapter adapter = new WebhookAdapter(
            new OutboundHttp(List.of("127.0.0.1")), JsonMapper.builder().build());

    @Test
    void aReceiverVerifiesTheSignatureWithTheDeliveryIdAsWebhookId() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(secret)) {
            UUID delivery = UUID.randomUUID();
            SendResult result = adapter.send(new Target(delivery, receiver.url(), secret), MESSAGE);

            assertThat(result.outcome()).as(result.toString()).isEqualTo(SendResult.Outcome.SENT);
            assertThat(receiver.received).singleElement().satisfies(got -> {
                assertThat(got.verified()).isTrue();
                assertThat(got.id()).isEqualTo(delivery.toString());
                assertThat(got.body()).contains("\"type\":\"liaison.message\"", "客户分享");
            });
            assertThat(result.request()).doesNotContain(secret).contains("POST " + receiver.url());
        }
    }

    @Test
    void duringARotationBothSignaturesAreSentAndEachVerifiesWithItsOwnSecretUntilTheOldOnesEnd() throws Exception {
        String old = StandardWebhooks.newSecret();
        try (WebhookReceiver oldReceiver = new WebhookReceiver(old);
                WebhookReceiver newReceiver = new WebhookReceiver(secret)) {
            UUID delivery = UUID.randomUUID();
            Instant until = Instant.now().plusSeconds(3600);
            for (WebhookReceiver receiver : List.of(oldReceiver, newReceiver)) {
                adapter.send(new Target(delivery, "msg_1", receiver.url(), secret, old, until), MESSAGE);
                adapter.send(
                        new Target(
                                delivery,
                                "msg_1",
                                receiver.url(),
                                secret,
                                old,
                                Instant.now().minusSeconds(1)),
                        MESSAGE);
            }

            assertThat(oldReceiver.received)
                    .extracting(WebhookReceiver.Received::verified)
                    .as("the old secret verifies until its end only")
                    .containsExactly(true, false);
            assertThat(newReceiver.received)
                    .extracting(WebhookReceiver.Received::verified)
                    .containsExactly(true, true);
            assertThat(newReceiver.received.get(0).signatures()).matches("v1,[A-Za-z0-9+/=]+ v1,[A-Za-z0-9+/=]+");
            assertThat(newReceiver.received.get(1).signatures()).matches("v1,[A-Za-z0-9+/=]+");
            assertThat(newReceiver.received)
                    .extracting(WebhookReceiver.Received::id)
                    .containsOnly("msg_1");
        }
    }

    @Test
    void aReceiverWithAnotherSecretRefusesAndTheDeliveryFails() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(StandardWebhooks.newSecret())) {
            SendResult result = adapter.send(new Target(UUID.randomUUID(), receiver.url(), secret), MESSAGE);

            assertThat(receiver.received)
                    .singleElement()
                    .extracting(WebhookReceiver.Received::verified)
                    .isEqualTo(false);
            assertThat(result.outcome()).isEqualTo(SendResult.Outcome.FAILED);
            assertThat(result.answer()).startsWith("401");
        }
    }

    @Test
    void aStaleTimestampIsRefusedThoughItsSignatureIsRight() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(secret)) {
            long stale = Instant.now()
                    .minusSeconds(WebhookReceiver.TOLERANCE_SECONDS + 60)
                    .getEpochSecond();
            long fresh = Instant.now().getEpochSecond();
            String body = "{\"type\":\"x\"}";

            assertThat(receiver.verify(
                            "msg_1",
                            Long.toString(stale),
                            StandardWebhooks.signature(secret, "msg_1", stale, body),
                            body))
                    .isFalse();
            assertThat(receiver.verify(
                            "msg_1",
                            Long.toString(fresh),
                            StandardWebhooks.signature(secret, "msg_1", fresh, body),
                            body))
                    .isTrue();
            assertThat(receiver.verify(
                            "msg_1",
                            Long.toString(fresh),
                            StandardWebhooks.signature(secret, "msg_1", fresh, body),
                            body + " "))
                    .as("a changed body")
                    .isFalse();
        }
    }

    @Test
    void theSignatureMatchesTheSpecificationsPublishedExample() {
        // The example of the Standard Webhooks specification's reference libraries.
        String body = "{\"test\": 2432232314}";
        assertThat(StandardWebhooks.signature(
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void theServersOwnNetworkIsRefusedUnlessAllowed() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(secret)) {
            WebhookAdapter guarded =
                    new WebhookAdapter(new OutboundHttp(), JsonMapper.builder().build());
            SendResult result = guarded.send(new Target(UUID.randomUUID(), receiver.url(), secret), MESSAGE);

            assertThat(result.outcome()).isEqualTo(SendResult.Outcome.FAILED);
            assertThat(result.reason()).isEqualTo("channel.reason.forbiddenHost");
            assertThat(receiver.received).isEmpty();
            assertThat(new HostGuard(List.of("10.0.0.0/8")).allows(java.net.URI.create("http://10.1.2.3/x")))
                    .isTrue();
            assertThat(new HostGuard(List.of("10.0.0.0/8")).allows(java.net.URI.create("http://192.168.1.1/x")))
                    .isFalse();
            assertThat(new HostGuard(List.of()).allows(java.net.URI.create("http://169.254.169.254/latest")))
                    .isFalse();
            assertThat(new HostGuard(List.of()).allows(java.net.URI.create("http://[::1]:8080/")))
                    .isFalse();
            assertThat(new HostGuard(List.of()).allows(java.net.URI.create("file:///etc/passwd")))
                    .isFalse();
            assertThat(new HostGuard(List.of()).allows(java.net.URI.create("https://93.184.215.14/hook")))
                    .isTrue();
        }
    }
}
