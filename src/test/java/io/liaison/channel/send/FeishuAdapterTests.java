package io.liaison.channel.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.channel.OutboundMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Feishu custom bot against a receiver that checks "签名校验" as Feishu documents it: a timestamp
 * in seconds within an hour of its own clock and the sign recomputed from its own copy of the
 * secret (HmacSHA256 keyed with timestamp + "\n" + secret over nothing), in the body.
 */
class FeishuAdapterTests {

    static final String HOOK = "/open-apis/bot/v2/hook/3f6e1c2a-9b8d-4e7f";
    static final String SECRET = "qJ8kZ1m2N3b4V5c6";
    static final String SIGN_FAILED =
            "{\"code\":19021,\"data\":{},\"msg\":\"sign match fail or timestamp is not within one hour from current time\"}";

    final JsonMapper json = JsonMapper.builder().build();
    final FeishuAdapter adapter = new FeishuAdapter(new OutboundHttp(List.of("127.0.0.1")), json);
    Duration receiverClockAhead = Duration.ZERO;
    boolean limited;

    final RobotReceiver feishu = new RobotReceiver(request -> {
        if (!request.path().equals(HOOK)) {
            return "{\"code\":19001,\"data\":{},\"msg\":\"param invalid: incoming webhook access token invalid\"}";
        }
        JsonNode body = json.readTree(request.body());
        long timestamp = Long.parseLong(body.path("timestamp").asString("0"));
        long now = System.currentTimeMillis() / 1000 + receiverClockAhead.toSeconds();
        String expected = RobotReceiver.hmacSha256Base64(timestamp + "\n" + SECRET, "");
        if (Math.abs(now - timestamp) > 3600
                || !expected.equals(body.path("sign").asString())) {
            return SIGN_FAILED;
        }
        if (request.body().getBytes(StandardCharsets.UTF_8).length > 20 * 1024) {
            return "{\"code\":9499,\"data\":{},\"msg\":\"Bad Request\"}";
        }
        if (limited) {
            return "{\"code\":11232,\"data\":{},\"msg\":\"frequency limited psm[lark.oapi.app_platform_runtime]\"}";
        }
        return "{\"code\":0,\"data\":{},\"msg\":\"success\"}";
    });

    @AfterEach
    void stop() {
        feishu.close();
    }

    SendResult send(String secret, OutboundMessage message) {
        return adapter.send(new Target(UUID.randomUUID(), feishu.url(HOOK), secret), message);
    }

    JsonNode lastBody() {
        return json.readTree(feishu.received.get(feishu.received.size() - 1).body());
    }

    @Test
    void textPostAndCardArriveSignedInChinese() {
        assertThat(send(SECRET, OutboundMessage.of("", "你好，王五🙂")).outcome()).isEqualTo(SendResult.Outcome.SENT);
        assertThat(lastBody().path("msg_type").asString()).isEqualTo("text");
        assertThat(lastBody().path("content").path("text").asString()).isEqualTo("你好，王五🙂");

        assertThat(send(SECRET, OutboundMessage.of("导入完成", "新增 120 位联系人\n跳过 3 行"))
                        .outcome())
                .isEqualTo(SendResult.Outcome.SENT);
        JsonNode post = lastBody().path("content").path("post").path("zh_cn");
        assertThat(lastBody().path("msg_type").asString()).isEqualTo("post");
        assertThat(post.path("title").asString()).isEqualTo("导入完成");
        assertThat(post.path("content").get(1).get(0).path("text").asString()).isEqualTo("跳过 3 行");

        OutboundMessage card = OutboundMessage.of("赵六把联系人交给了你", "钱七 · 某某贸易").withLink("https://liaison.example/c/7");
        assertThat(send(SECRET, card).outcome()).isEqualTo(SendResult.Outcome.SENT);
        JsonNode body = lastBody();
        assertThat(body.path("msg_type").asString()).isEqualTo("interactive");
        assertThat(body.path("card")
                        .path("header")
                        .path("title")
                        .path("content")
                        .asString())
                .isEqualTo("赵六把联系人交给了你");
        JsonNode button =
                body.path("card").path("elements").get(1).path("actions").get(0);
        assertThat(button.path("tag").asString()).isEqualTo("button");
        assertThat(button.path("url").asString()).isEqualTo("https://liaison.example/c/7");
    }

    @Test
    void theLogHidesTheHookAndTheSign() {
        SendResult result = send(SECRET, OutboundMessage.of("", "你好"));

        String sign = lastBody().path("sign").asString();
        assertThat(result.request())
                .contains("/hook/***", "\"sign\":\"***\"", "你好")
                .doesNotContain("3f6e1c2a")
                .doesNotContain(sign);
    }

    @Test
    void aWrongSecretAndAStaleTimestampAreRefusedWithFeishusWords() {
        SendResult wrong = send("not-the-secret", OutboundMessage.of("", "你好"));
        assertThat(wrong.outcome()).isEqualTo(SendResult.Outcome.FAILED);
        assertThat(wrong.reason()).isEqualTo("sign match fail or timestamp is not within one hour from current time");

        receiverClockAhead = Duration.ofMinutes(61);
        SendResult stale = send(SECRET, OutboundMessage.of("", "你好"));
        assertThat(stale.outcome()).isEqualTo(SendResult.Outcome.FAILED);
        assertThat(stale.answer()).contains("19021");
    }

    @Test
    void theFrequencyLimitIsRetried() {
        limited = true;
        SendResult result = send(SECRET, OutboundMessage.of("", "你好"));

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.RETRY);
        assertThat(result.reason()).startsWith("frequency limited");
    }

    @Test
    void aBodyOverTwentyKilobytesIsSentInPartsThatReassemble() {
        StringBuilder text = new StringBuilder();
        while (text.length() < 12_000) {
            text.append("跟进记录：\"报价\"已发送😀\n");
        }
        OutboundMessage message =
                OutboundMessage.of("跟进", "x").withMarkdown(text.toString()).withLink("https://l.example/1");
        List<OutboundMessage> parts = adapter.split(message);

        assertThat(parts).hasSizeGreaterThan(1);
        parts.forEach(part -> assertThat(send(SECRET, part).outcome()).isEqualTo(SendResult.Outcome.SENT));
        assertThat(String.join("", parts.stream().map(OutboundMessage::markdown).toList()))
                .isEqualTo(text.toString());
        assertThat(parts.get(0).title()).isEqualTo("跟进");
        assertThat(parts.get(parts.size() - 1).link()).isEqualTo("https://l.example/1");
    }

    @Test
    void aBotTakesFiveMessagesASecondAndAHundredAMinute() {
        assertThat(adapter.rateLimits())
                .containsExactlyInAnyOrder(
                        new RateLimit(5, Duration.ofSeconds(1)), new RateLimit(100, Duration.ofMinutes(1)));
    }
}
