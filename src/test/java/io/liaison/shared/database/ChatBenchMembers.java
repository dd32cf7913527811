package io.liaison.shared.database;

import io.liaison.identity.ManyMembers;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Liaison's side of the chat socket benchmark: members written straight into the database (the
 * rows {@code MemberService.create} writes, {@link ManyMembers}, each with the administrator's
 * password: creating thousands through the API would hash a password for each), internal groups
 * created through the API by the administrator, each member logged in through the login form for a
 * session cookie, and a poster that posts through the REST API with the administrator's token.
 */
final class ChatBenchMembers {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:value|content)=\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    /** Logins at a time: each checks an Argon2 hash (about 25 ms of one core). */
    private static final int LOGIN_THREADS = 4;

    private final LiaisonProcess liaison;
    private final String password;
    private final String token;
    private final List<UUID> members;
    private final List<String> logins;
    private final List<String> sessions = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private ChatBenchMembers(
            LiaisonProcess liaison, String password, String token, List<UUID> members, List<String> logins) {
        this.liaison = liaison;
        this.password = password;
        this.token = token;
        this.members = members;
        this.logins = logins;
    }

    /** {@code count} members in the organization of {@code admin} (whose password is {@code password}). */
    static ChatBenchMembers create(LiaisonProcess liaison, DataSource database, String password, int count)
            throws IOException, InterruptedException, SQLException {
        HttpResponse<String> created =
                liaison.post("/api/v1/tokens", LiaisonProcess.basic("admin", password), "{\"name\":\"benchmark\"}");
        String token = find(TOKEN, created, 201);
        UUID org;
        UUID admin;
        String code;
        try (Connection c = database.getConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT o.id, o.code, m.id FROM organization o"
                                + " JOIN member m ON m.org_id = o.id AND m.login = 'admin'")) {
            rs.next();
            org = rs.getObject(1, UUID.class);
            code = rs.getString(2);
            admin = rs.getObject(3, UUID.class);
        }
        List<UUID> members = ManyMembers.seed(JdbcClient.create(database), org, admin, code, List.of(), count);
        List<String> logins = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            logins.add("m" + i + "-" + code);
        }
        return new ChatBenchMembers(liaison, password, "Bearer " + token, members, logins);
    }

    /** An internal group of the administrator (its owner) and the first {@code size} members. */
    UUID group(String name, int size) throws IOException, InterruptedException {
        String ids =
                members.subList(0, size).stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
        String body = "{\"kind\":\"internal\",\"name\":\"" + name + "\",\"memberIds\":[" + ids + "]}";
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(liaison.uri("/api/v1/conversations"))
                        .timeout(Duration.ofMinutes(2))
                        .header("Authorization", token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return UUID.fromString(find(ID, created, 201));
    }

    /**
     * The session cookies of the first {@code count} members, logging in those who have none yet,
     * {@value #LOGIN_THREADS} at a time.
     */
    List<String> sessions(int count) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(LOGIN_THREADS);
        try {
            List<Future<String>> loggingIn = new ArrayList<>();
            for (int i = sessions.size(); i < count; i++) {
                String login = logins.get(i);
                loggingIn.add(threads.submit(() -> logIn(login)));
            }
            for (Future<String> session : loggingIn) {
                sessions.add(session.get());
            }
        } finally {
            threads.shutdown();
        }
        return List.copyOf(sessions.subList(0, count));
    }

    /** Posts each text as a message in {@code conversation} through the REST API, not waiting for the answer. */
    SocketLoad.Poster poster(UUID conversation) {
        URI uri = liaison.uri("/api/v1/conversations/" + conversation + "/messages");
        return new SocketLoad.Poster() {
            private final List<CompletableFuture<HttpResponse<Void>>> posting = new ArrayList<>();

            @Override
            public void post(String text) {
                posting.add(http.sendAsync(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding()));
            }

            @Override
            public int finish() {
                int failed = 0;
                for (CompletableFuture<HttpResponse<Void>> post : posting) {
                    try {
                        if (post.join().statusCode() != 201) {
                            failed++;
                        }
                    } catch (RuntimeException e) {
                        failed++;
                    }
                }
                posting.clear();
                return failed;
            }

            @Override
            public void close() {
                finish();
            }
        };
    }

    /** Logs {@code login} in through the login form; its cookies as a {@code Cookie} header. */
    private String logIn(String login) throws IOException, InterruptedException {
        Map<String, String> cookies = new LinkedHashMap<>();
        HttpResponse<String> page =
                send(HttpRequest.newBuilder(liaison.uri("/login")).GET(), cookies);
        Matcher csrf = CSRF.matcher(page.body());
        if (page.statusCode() != 200 || !csrf.find()) {
            throw new IllegalStateException("The login page answered " + page.statusCode() + " without a CSRF token");
        }
        String form = "username=" + encode(login) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        HttpResponse<String> answer = send(
                HttpRequest.newBuilder(liaison.uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)),
                cookies);
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("/login")) {
            throw new IllegalStateException(login + " could not log in: " + answer.statusCode() + " to " + location);
        }
        return cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
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
        HttpResponse<String> response =
                http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int equals = pair.indexOf('=');
            cookies.put(
                    pair.substring(0, equals).strip(),
                    pair.substring(equals + 1).strip());
        }
        return response;
    }

    private static String find(Pattern pattern, HttpResponse<String> response, int status) {
        Matcher m = pattern.matcher(response.body());
        if (response.statusCode() != status || !m.find()) {
            throw new IllegalStateException("Liaison answered " + response.statusCode() + ": " + response.body());
        }
        return m.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
