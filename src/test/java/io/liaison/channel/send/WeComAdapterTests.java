package io.liaison.channel.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.channel.OutboundMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WeCom group robot against a receiver that checks the key and the documented content limits
 * (text at most 2,048 UTF-8 bytes, markdown 4,096), answering WeCom's error bodies otherwise.
 */
class WeComAdapterTests {

    static final String KEY = "693a91f6-7d5c-4bc4-97a0-0ec2a1b2c3d4";

    final JsonMapper json = JsonMapper.builder().build();
    final WeComAdapter adapter = new WeComAdapter(new OutboundHttp(List.of("127.0.0.1")), json);
    boolean busy;

    final RobotReceiver weCom = new RobotReceiver(request -> {
        if (!request.path().equals("/cgi-bin/webhook/send")
                || !KEY.equals(request.query().get("key"))) {
            return "{\"errcode\":93000,\"errmsg\":\"invalid webhook url, hint: [1700000000_1], more info at x\"}";
        }
        if (busy) {
            return "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}";
        }
        JsonNode body = json.readTree(request.body());
        String type = body.path("msgtype").asString();
        int limit = type.equals("markdown") ? 4_096 : 2_048;
        String content = body.path(type).path("content").asString();
        if (content.getBytes(StandardCharsets.UTF_8).length > limit) {
            return "{\"errcode\":40058,\"errmsg\":\"content exceed max length\"}";
        }
        return "{\"errcode\":0,\"errmsg\":\"ok\"}";
    });

    @AfterEach
    void stop() {
        weCom.close();
    }

    SendResult send(String key, OutboundMessage message) {
        return adapter.send(
                new Target(UUID.randomUUID(), weCom.url("/cgi-bin/webhook/send?key=" + key), null), message);
    }

    List<String> contents(String type) {
        return weCom.received.stream()
                .map(r -> json.readTree(r.body()).path(type).path("content").asString())
                .toList();
    }

    /** About 9 KB of Chinese, emoji (surrogate pairs) and ASCII, without a line break to cut at. */
    static String longChinese() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 4_000; i++) {
            text.append("客户").append(i).append("号：张三丰😀，进度🎉ok；");
        }
        return text.toString();
    }

    @Test
    void aLongChineseTextWithEmojiIsSentInPartsThatEachFitAndReassembleExactly() {
        String original = longChinese();
        List<OutboundMessage> parts = adapter.split(OutboundMessage.of("", original));

        assertThat(parts).hasSizeGreaterThan(4);
        for (OutboundMessage part : parts) {
            assertThat(part.text().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2_048);
            assertThat(Character.isLowSurrogate(part.text().charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(part.text().charAt(part.text().length() - 1)))
                    .isFalse();
            assertThat(send(KEY, part).outcome()).isEqualTo(SendResult.Outcome.SENT);
        }
        assertThat(String.join("", contents("text"))).isEqualTo(original);
        assertThat(weCom.received).allSatisfy(r -> assertThat(r.contentType()).containsIgnoringCase("utf-8"));
    }

    @Test
    void partsAreCutAfterLineBreaksWhereThereAreSome() {
        String original = longChinese().replace("；", "；\n");
        List<OutboundMessage> parts = adapter.split(OutboundMessage.of("日报", original));

        assertThat(parts.subList(0, parts.size() - 1))
                .allSatisfy(p -> assertThat(p.text()).endsWith("\n"));
        assertThat(parts.stream().map(OutboundMessage::text).collect(Collectors.joining()))
                .isEqualTo("日报\n" + original);
    }

    @Test
    void markdownMayBeTwiceAsLongAndKeepsItsTitleAndLink() {
        OutboundMessage message =
                OutboundMessage.of("周报", "x").withMarkdown(longChinese()).withLink("https://liaison.example/r/1");
        List<OutboundMessage> parts = adapter.split(message);

        assertThat(parts)
                .allSatisfy(p -> assertThat(p.markdown().getBytes(StandardCharsets.UTF_8).length)
                        .isLessThanOrEqualTo(4_096));
        assertThat(parts.get(0).markdown().getBytes(StandardCharsets.UTF_8).length)
                .as("markdown is cut at its own limit, not text's")
                .isGreaterThan(4_000);
        parts.forEach(part -> assertThat(send(KEY, part).outcome()).isEqualTo(SendResult.Outcome.SENT));
        String shown = String.join("", contents("markdown"));
        assertThat(shown).startsWith("**周报**\n").endsWith("[https://liaison.example/r/1](https://liaison.example/r/1)");
    }

    @Test
    void aShortMessageIsItselfAndArrivesAsText() {
        OutboundMessage message = OutboundMessage.of("提醒", "你好，李四");
        assertThat(adapter.split(message)).containsExactly(message);

        SendResult result = send(KEY, message);

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.SENT);
        assertThat(contents("text")).containsExactly("提醒\n你好，李四");
        assertThat(result.request()).contains("key=***").doesNotContain(KEY);
    }

    @Test
    void aWrongKeyFailsWithWeComsWordsAndTheFrequencyLimitIsRetried() {
        SendResult wrong = send("not-the-key", OutboundMessage.of("提醒", "你好"));
        assertThat(wrong.outcome()).isEqualTo(SendResult.Outcome.FAILED);
        assertThat(wrong.reason()).startsWith("invalid webhook url");

        busy = true;
        SendResult busyResult = send(KEY, OutboundMessage.of("提醒", "你好"));
        assertThat(busyResult.outcome()).isEqualTo(SendResult.Outcome.RETRY);
        assertThat(busyResult.reason()).isEqualTo("api freq out of limit");
    }

    @Test
    void aRobotTakesTwentyMessagesAMinute() {
        assertThat(adapter.rateLimits()).containsExactly(new RateLimit(20, Duration.ofMinutes(1)));
    }
}
