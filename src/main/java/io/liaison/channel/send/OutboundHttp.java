package io.liaison.channel.send;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one HTTP client the adapters post with: bounded connect and request times, the answer's body
 * cut to {@link #MAX_ANSWER_CHARS}, and the common classification of status codes (2xx sent, 408 /
 * 429 / 5xx and no answer retried, any other 4xx failed). An adapter that reads a refusal from a 2xx
 * body (DingTalk's and WeCom's {@code errcode}, Feishu's {@code code}) turns it into a failure itself.
 * A target the {@link HostGuard} refuses (loopback, private) fails at once without a request.
 */
@Component
public class OutboundHttp {

    static final int MAX_ANSWER_CHARS = 2_000;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final HostGuard guard;

    /** As a server with {@code LIAISON_OUTBOUND_ALLOWED_HOSTS} unset: no loopback or private target. */
    public OutboundHttp() {
        this(List.of());
    }

    /** Allows these hosts, addresses or CIDR ranges although they are loopback or private. */
    public OutboundHttp(List<String> allowedHosts) {
        this.guard = new HostGuard(allowedHosts);
    }

    @Autowired
    OutboundHttp(ChannelSettings settings) {
        this(settings.outboundAllowedHosts());
    }

    /**
     * Posts {@code body} to {@code uri}.
     *
     * @param logged the request as the delivery log shows it (secrets already replaced)
     * @return the classified result and, when there was an answer, the answer itself
     */
    public Posted post(URI uri, Map<String, String> headers, String body, String logged) {
        if (!guard.allows(uri)) {
            return new Posted(SendResult.failed(logged, null, "channel.reason.forbiddenHost"), null);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Posted(SendResult.retry(logged, null, "channel.reason.noAnswer", null), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Posted(SendResult.retry(logged, null, "channel.reason.noAnswer", null), null);
        }
        String text = response.body();
        if (text.length() > MAX_ANSWER_CHARS) {
            text = text.substring(0, MAX_ANSWER_CHARS);
        }
        Duration retryAfter = retryAfter(response).orElse(null);
        HttpAnswer answer = new HttpAnswer(response.statusCode(), text, retryAfter);
        int status = response.statusCode();
        SendResult result;
        if (status >= 200 && status < 300) {
            result = SendResult.sent(logged, answer.describe());
        } else if (status == 408 || status == 429 || status >= 500) {
            result = SendResult.retry(logged, answer.describe(), "channel.reason.status", retryAfter);
        } else {
            result = SendResult.failed(logged, answer.describe(), "channel.reason.status");
        }
        return new Posted(result, answer);
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.trim());
                return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** A post's classified result, and its answer ({@code null} when none came). */
    public record Posted(SendResult result, @Nullable HttpAnswer answer) {}
}
