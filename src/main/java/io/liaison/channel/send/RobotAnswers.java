package io.liaison.channel.send;

import io.liaison.channel.OutboundMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * What the robots (DingTalk, WeCom, Feishu) have in common: an HMAC-SHA256 signature, a request log
 * with the credentials in the URL hidden, and an answer whose JSON body says whether the message was
 * taken ({@code errcode} or {@code code} 0) even when the HTTP status is 200.
 */
final class RobotAnswers {

    static final String HIDDEN = "***";
    static final String JSON_UTF8 = "application/json; charset=utf-8";

    private static final int MAX_HEADLINE = 64;

    private RobotAnswers() {}

    /** The title, else the text's first line, for the messages that need one (a card, a link). */
    static String headline(OutboundMessage message) {
        String headline = message.title().isBlank()
                ? message.text().strip().lines().findFirst().orElse("")
                : message.title();
        if (headline.length() <= MAX_HEADLINE) {
            return headline;
        }
        int end = MAX_HEADLINE - 1;
        if (Character.isHighSurrogate(headline.charAt(end - 1))) {
            end--;
        }
        return headline.substring(0, end) + "…";
    }

    /** Base64 of HMAC-SHA256 of {@code data} under {@code key}, both in UTF-8. */
    static String hmacSha256(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** {@code uri} with the values of the query parameters {@code names} replaced by {@code ***}. */
    static String hidingQuery(URI uri, Set<String> names) {
        String query = uri.getRawQuery();
        if (query == null) {
            return uri.toString();
        }
        String hidden = Stream.of(query.split("&"))
                .map(pair -> names.contains(pair.split("=", 2)[0]) ? pair.split("=", 2)[0] + "=" + HIDDEN : pair)
                .collect(Collectors.joining("&"));
        String text = uri.toString();
        return text.substring(0, text.indexOf('?') + 1) + hidden;
    }

    /**
     * The result of a post to a robot: sent when the HTTP status is 2xx and the body's {@code
     * codeField} is 0; a refusal in the body is failed with the body's {@code messageField} as the
     * reason, or retried when {@code throttled} gives the time to wait for its code (a rate limit's
     * code; {@link Duration#ZERO} for the usual backoff). An answer that is no JSON keeps the HTTP
     * classification, and a 2xx without a readable code fails: the platform's word is missing.
     */
    static SendResult judge(
            OutboundHttp.Posted posted,
            JsonMapper json,
            String codeField,
            String messageField,
            IntFunction<@Nullable Duration> throttled) {
        SendResult http = posted.result();
        HttpAnswer answer = posted.answer();
        if (answer == null) {
            return http;
        }
        JsonNode body = read(json, answer.body());
        JsonNode code = body.path(codeField);
        if (!code.isIntegralNumber()) {
            return http.outcome() == SendResult.Outcome.SENT
                    ? SendResult.failed(http.request(), http.answer(), "channel.reason.unreadableAnswer")
                    : http;
        }
        if (code.asInt() == 0) {
            return http;
        }
        String reason = body.path(messageField).asString("");
        if (reason.isBlank()) {
            reason = codeField + " " + code.asInt();
        }
        Duration wait = throttled.apply(code.asInt());
        if (wait != null || http.outcome() == SendResult.Outcome.RETRY) {
            Duration retryAfter = answer.retryAfter() != null ? answer.retryAfter() : wait;
            return SendResult.retry(
                    http.request(), http.answer(), reason, Duration.ZERO.equals(retryAfter) ? null : retryAfter);
        }
        return SendResult.failed(http.request(), http.answer(), reason);
    }

    private static JsonNode read(JsonMapper json, String body) {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return MissingNode.getInstance();
        }
    }
}
