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
 * Redirects 307 and 308 are followed (the same method, headers and body) at most {@link
 * #MAX_REDIRECTS} times, each target checked by the guard first; any other redirect fails.
 */
@Component
public class OutboundHttp {

    static final int MAX_ANSWER_CHARS = 2_000;
    static final int MAX_REDIRECTS = 3;
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
        this(new HostGuard(allowedHosts));
    }

    OutboundHttp(HostGuard guard) {
        this.guard = guard;
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
        URI target = uri;
        for (int hop = 0; ; hop++) {
            if (!guard.allows(target)) {
                String reason = hop == 0 ? "channel.reason.forbiddenHost" : "channel.reason.forbiddenRedirect";
                return new Posted(SendResult.failed(logged, null, reason), null);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target)
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
            HttpAnswer answer = answer(response);
            int status = response.statusCode();
            if (status < 300 || status >= 400) {
                return new Posted(classify(status, answer, logged), answer);
            }
            Optional<URI> location = location(target, response);
            String described = answer.describe()
                    + location.map(to -> "\nLocation: " + Redaction.url(to.toString()))
                            .orElse("");
            if ((status != 307 && status != 308) || location.isEmpty()) {
                return new Posted(SendResult.failed(logged, described, "channel.reason.redirect"), answer);
            }
            if (hop == MAX_REDIRECTS) {
                return new Posted(SendResult.failed(logged, described, "channel.reason.tooManyRedirects"), answer);
            }
            target = location.get();
        }
    }

    private static HttpAnswer answer(HttpResponse<String> response) {
        String text = response.body();
        if (text.length() > MAX_ANSWER_CHARS) {
            text = text.substring(0, MAX_ANSWER_CHARS);
        }
        return new HttpAnswer(response.statusCode(), text, retryAfter(response).orElse(null));
    }

    /** 2xx sent, 408 / 429 / 5xx retried, any other status failed. */
    private static SendResult classify(int status, HttpAnswer answer, String logged) {
        if (status >= 200 && status < 300) {
            return SendResult.sent(logged, answer.describe());
        }
        if (status == 408 || status == 429 || status >= 500) {
            return SendResult.retry(logged, answer.describe(), "channel.reason.status", answer.retryAfter());
        }
        return SendResult.failed(logged, answer.describe(), "channel.reason.status");
    }

    /** The redirect's target, resolved against the request's URI; empty when there is none or it is no URI. */
    private static Optional<URI> location(URI from, HttpResponse<?> response) {
        return response.headers().firstValue("Location").flatMap(value -> {
            try {
                return Optional.of(from.resolve(value.trim()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
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
