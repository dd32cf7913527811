package io.liaison.analytics;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The analytics benchmark's clients: a bare HTTP client per client thread, each a user of one of the
 * three kinds (logged in through the login form for the pages, with a bearer token for the API), in a
 * closed loop for a while; and the latencies of what they asked, as percentiles.
 */
final class AnalyticsBenchLoad implements AutoCloseable {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:value|content)=\"([^\"]+)\"");

    /** A user the clients act as: their page session's cookies and their API token. */
    record User(String label, String cookies, String bearer) {}

    /** One call of a client as {@code user}; answers whether it succeeded. */
    interface Call {
        boolean run(User user) throws Exception;
    }

    /** Latencies of a run, in milliseconds. */
    record Stats(int requests, int failures, double p50, double p95, double p99, double perSecond) {

        String failuresText() {
            return failures == 0 ? "" : failures + " of " + requests + " failed";
        }
    }

    private final int port;
    private final int clients;
    private final HttpClient http;
    private final ExecutorService threads;
    private final ExecutorService httpThreads;

    AnalyticsBenchLoad(int port, int clients) {
        this.port = port;
        this.clients = clients;
        this.httpThreads = Executors.newFixedThreadPool(clients);
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .executor(httpThreads)
                .build();
        this.threads = Executors.newFixedThreadPool(clients);
    }

    /** Logs {@code login} in through the login form; answers the user with the session's cookies. */
    User logIn(String label, String login, String password, String token) throws IOException, InterruptedException {
        Map<String, String> cookies = new LinkedHashMap<>();
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/login")).GET(), cookies);
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("The login page answered " + page.statusCode() + " without a CSRF token");
        }
        String form = "username=" + encode(login) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        HttpResponse<String> done = send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)),
                cookies);
        String location = done.headers().firstValue("Location").orElse("");
        if (done.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException(login + " could not log in: " + done.statusCode() + " " + location);
        }
        String header = cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
        return new User(label, header, "Bearer " + token);
    }

    /** A GET of {@code path} as the user: with the session for a page, the token for the API. */
    boolean get(User user, String path, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", accept);
        request = path.startsWith("/api/")
                ? request.header("Authorization", user.bearer())
                : request.header("Cookie", user.cookies());
        HttpResponse<byte[]> answer = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        return answer.statusCode() == 200 && answer.body().length > 0;
    }

    /**
     * {@code clients} threads in a closed loop for {@code duration}, thread {@code i} acting as
     * {@code users[i % users.size()]}.
     */
    Stats run(Duration duration, List<User> users, Call call) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        AtomicInteger failures = new AtomicInteger();
        List<Callable<long[]>> work = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            User user = users.get(i % users.size());
            work.add(() -> {
                long[] times = new long[1 << 12];
                int n = 0;
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    boolean ok;
                    try {
                        ok = call.run(user);
                    } catch (IOException e) {
                        ok = false;
                    }
                    if (!ok) {
                        failures.incrementAndGet();
                    }
                    if (n == times.length) {
                        times = Arrays.copyOf(times, n * 2);
                    }
                    times[n++] = System.nanoTime() - start;
                }
                return Arrays.copyOf(times, n);
            });
        }
        long started = System.nanoTime();
        List<long[]> parts = new ArrayList<>();
        for (Future<long[]> done : threads.invokeAll(work)) {
            parts.add(done.get());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Stats(
                all.length,
                failures.get(),
                percentile(all, 0.50),
                percentile(all, 0.95),
                percentile(all, 0.99),
                all.length / seconds);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, millis >= 100 ? "%,.0f ms" : "%.1f ms", millis);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> cookies)
            throws IOException, InterruptedException {
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String cookie : answer.headers().allValues("Set-Cookie")) {
            String pair = cookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return answer;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        threads.shutdownNow();
        httpThreads.shutdownNow();
    }
}
