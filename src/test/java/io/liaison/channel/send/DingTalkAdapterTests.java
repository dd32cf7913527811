package io.liaison.channel.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.channel.OutboundMessage;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The DingTalk custom robot against a receiver that checks requests as DingTalk documents it for the
 * "加签" setting: the access token, a millisecond timestamp within an hour of its own clock, and the
 * sign recomputed from its own copy of the secret.
 */
class DingTalkAdapterTests {

    static final String TOKEN = "f00dcafe0123456789";
    static final String SECRET = "SEC4f2a9c0e7b1d";

    final JsonMapper json = JsonMapper.builder().build();
    final DingTalkAdapter adapter = new DingTalkAdapter(new OutboundHttp(List.of("127.0.0.1")), json);
    Duration receiverClockAhead = Duration.ZERO;
    boolean throttled;

    final RobotReceiver dingTalk = new RobotReceiver(request -> {
        if (!request.path().equals("/robot/send")
                || !TOKEN.equals(request.query().get("access_token"))) {
            return "{\"errcode\":300001,\"errmsg\":\"token is not exist\"}";
        }
        long timestamp = Long.parseLong(request.query().getOrDefault("timestamp", "0"));
        long now = System.currentTimeMillis() + receiverClockAhead.toMillis();
        if (Math.abs(now - timestamp) > Duration.ofHours(1).toMillis()) {
            return "{\"errcode\":310000,\"errmsg\":\"invalid timestamp\"}";
        }
        String expected = RobotReceiver.hmacSha256Base64(SECRET, timestamp + "\n" + SECRET);
        if (!expected.equals(request.query().get("sign"))) {
            return "{\"errcode\":310000,\"errmsg\":\"sign not match\"}";
        }
        if (throttled) {
            return "{\"errcode\":130101,\"errmsg\":\"send too fast, exceed 20 times per minute\"}";
        }
        return "{\"errcode\":0,\"errmsg\":\"ok\"}";
    });

    @AfterEach
    void stop() {
        dingTalk.close();
    }

    SendResult send(String secret, OutboundMessage message) {
        return adapter.send(
                new Target(UUID.randomUUID(), dingTalk.url("/robot/send?access_token=" + TOKEN), secret), message);
    }

    JsonNode lastBody() {
        return json.readTree(dingTalk.received.get(dingTalk.received.size() - 1).body());
    }

    @Test
    void aSignedTextArrivesInChineseAndTheLogHidesTheTokenAndTheSign() {
        SendResult result = send(SECRET, OutboundMessage.of("跟进提醒", "请今天联系张三（客户）✅"));

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.SENT);
        assertThat(dingTalk.received.get(0).contentType()).containsIgnoringCase("charset=utf-8");
        assertThat(lastBody().path("msgtype").asString()).isEqualTo("text");
        assertThat(lastBody().path("text").path("content").asString()).isEqualTo("跟进提醒\n请今天联系张三（客户）✅");
        String sign = dingTalk.received.get(0).query().get("sign");
        assertThat(result.request())
                .contains("access_token=***", "sign=***", "请今天联系张三")
                .doesNotContain(TOKEN)
                .doesNotContain(sign);
    }

    @Test
    void markdownLinkAndActionCardAreChosenByTheMessage() {
        send(SECRET, OutboundMessage.of("周报", "本周新增 3 位客户").withMarkdown("本周新增 **3** 位客户"));
        assertThat(lastBody().path("msgtype").asString()).isEqualTo("markdown");
        assertThat(lastBody().path("markdown").path("title").asString()).isEqualTo("周报");
        assertThat(lastBody().path("markdown").path("text").asString()).contains("### 周报", "本周新增 **3** 位客户");

        send(SECRET, OutboundMessage.of("张三分享了联系人", "李四 · 某某科技").withLink("https://liaison.example/c/1"));
        assertThat(lastBody().path("msgtype").asString()).isEqualTo("link");
        assertThat(lastBody().path("link").path("messageUrl").asString()).isEqualTo("https://liaison.example/c/1");
        assertThat(lastBody().path("link").path("text").asString()).isEqualTo("李四 · 某某科技");

        send(
                SECRET,
                OutboundMessage.of("张三分享了联系人", "李四")
                        .withMarkdown("**李四** · 某某科技")
                        .withLink("https://liaison.example/c/1"));
        assertThat(lastBody().path("msgtype").asString()).isEqualTo("actionCard");
        assertThat(lastBody().path("actionCard").path("singleURL").asString()).isEqualTo("https://liaison.example/c/1");
        assertThat(lastBody().path("actionCard").path("text").asString()).contains("**李四** · 某某科技");
        assertThat(dingTalk.received).hasSize(3);
    }

    @Test
    void aWrongSecretIsRefusedAndFailsWithDingTalksWords() {
        SendResult result = send("SECnot-the-robots", OutboundMessage.of("提醒", "你好"));

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.FAILED);
        assertThat(result.reason()).isEqualTo("sign not match");
        assertThat(result.answer()).contains("310000");
    }

    @Test
    void aTimestampMoreThanAnHourOffIsRefused() {
        receiverClockAhead = Duration.ofMinutes(61);
        SendResult stale = send(SECRET, OutboundMessage.of("提醒", "你好"));
        assertThat(stale.outcome()).isEqualTo(SendResult.Outcome.FAILED);
        assertThat(stale.reason()).isEqualTo("invalid timestamp");

        receiverClockAhead = Duration.ofMinutes(59);
        assertThat(send(SECRET, OutboundMessage.of("提醒", "你好")).outcome()).isEqualTo(SendResult.Outcome.SENT);
    }

    @Test
    void beingThrottledIsRetriedAfterTheTenMinutesDingTalkBlocksARobot() {
        throttled = true;
        SendResult result = send(SECRET, OutboundMessage.of("提醒", "你好"));

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.RETRY);
        assertThat(result.reason()).isEqualTo("send too fast, exceed 20 times per minute");
        assertThat(result.retryAfter()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void theSignIsUrlEncodedSoThatEveryBase64CharacterSurvivesTheQuery() {
        for (long timestamp = 1_700_000_000_000L; timestamp < 1_700_000_000_200L; timestamp++) {
            URI uri = DingTalkAdapter.signed(dingTalk.url("/robot/send?access_token=" + TOKEN), SECRET, timestamp);
            String raw = uri.getRawQuery().replaceAll(".*&sign=", "");
            assertThat(URLDecoder.decode(raw, StandardCharsets.UTF_8))
                    .isEqualTo(RobotReceiver.hmacSha256Base64(SECRET, timestamp + "\n" + SECRET));
        }
    }

    @Test
    void aRobotTakesTwentyMessagesAMinute() {
        assertThat(adapter.rateLimits()).containsExactly(new RateLimit(20, Duration.ofMinutes(1)));
        assertThat(adapter.split(OutboundMessage.of("a", "b"))).hasSize(1);
    }

    @Test
    void withoutASecretNothingIsSigned() {
        send(null, OutboundMessage.of("提醒", "你好"));
        assertThat(dingTalk.received.get(0).query()).doesNotContainKeys("timestamp", "sign");
        assertThat(lastBody().path("text").path("content").asString()).isEqualTo("提醒\n你好");
    }
}
