package io.liaison.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's cookies and forms, sent to whichever node a test names, as a load balancer without
 * sticky sessions would: the cookies a node set go with every later request to any node.
 */
final class Browser {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:value|content)=\"([^\"]+)\"");

    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** Another browser with the same cookies, as one that kept them after this one logged out. */
    Browser copy() {
        Browser copy = new Browser();
        copy.cookies.putAll(cookies);
        return copy;
    }

    HttpResponse<String> get(LiaisonProcess node, String path) throws IOException, InterruptedException {
        return send(request(node, path).GET());
    }

    /** An htmx request, as the pages send when a list or a panel is refreshed. */
    HttpResponse<String> htmx(LiaisonProcess node, String path) throws IOException, InterruptedException {
        return send(request(node, path).header("HX-Request", "true").GET());
    }

    /** A form posted with the CSRF token of the page {@code page} of {@code node}, as the browser shows it. */
    HttpResponse<String> submit(LiaisonProcess node, String page, String action, Map<String, String> fields)
            throws IOException, InterruptedException {
        HttpResponse<String> shown = get(node, page);
        assertThat(shown.statusCode()).as("%s on %s", page, node.uri("")).isEqualTo(200);
        Matcher csrf = CSRF.matcher(shown.body());
        assertThat(csrf.find()).as("a CSRF token on " + page).isTrue();
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf.group(1));
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(node, action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Logs in through the login form of {@code node}; answers the redirect the form gave. */
    HttpResponse<String> logIn(LiaisonProcess node, String login, String password)
            throws IOException, InterruptedException {
        return submit(node, "/login", "/login", Map.of("username", login, "password", password));
    }

    /** A server-sent event stream of {@code node}, its lines as they arrive (no timeout on the body). */
    HttpResponse<java.util.stream.Stream<String>> stream(LiaisonProcess node, String path)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path)).header("Accept", "text/event-stream");
        request(node, path).build().headers().firstValue("Cookie").ifPresent(c -> request.header("Cookie", c));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines());
    }

    /** The {@code Cookie} header this browser sends, for a WebSocket a page of it opens. */
    String cookieHeader() {
        return cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    private HttpRequest.Builder request(LiaisonProcess node, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(10));
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals).strip();
            String value = pair.substring(equals + 1).strip();
            if (value.isEmpty() || set.toLowerCase().contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
