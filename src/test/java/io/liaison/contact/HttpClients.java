package io.liaison.contact;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** A request of the benchmark over HTTP to the REST API with a bearer token; fails on anything but 200. */
final class HttpClients {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;

    HttpClients(int port) {
        this.base = "http://localhost:" + port + "/api/v1/contacts";
    }

    /** Sends the request as {@code token}; answers whether the response holds at least one contact or count. */
    boolean run(String token, BenchKind.Request request) throws Exception {
        HttpRequest http = HttpRequest.newBuilder(uri(request))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
        HttpResponse<String> response = client.send(http, HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " for " + http.uri() + ": "
                    + body.substring(0, Math.min(body.length(), 200)));
        }
        return switch (request.shape()) {
            case LIST, SUGGEST -> body.contains("\"items\":[{");
            case GET -> body.contains("\"id\":\"" + request.id() + "\"");
            case COUNT -> !body.contains("\"count\":0");
        };
    }

    URI uri(BenchKind.Request request) {
        StringBuilder query = new StringBuilder();
        if (request.q() != null) {
            query.append("&q=").append(URLEncoder.encode(request.q(), StandardCharsets.UTF_8));
        }
        for (UUID tag : request.tags()) {
            query.append("&tagId=").append(tag);
        }
        if (!request.tags().isEmpty() && !request.allTags()) {
            query.append("&tagMode=any");
        }
        if (request.sort() != null) {
            query.append("&sort=").append(request.sort());
        }
        String path = switch (request.shape()) {
            case LIST -> "?limit=" + BenchKind.PAGE + query;
            case SUGGEST -> "/suggest?" + query.substring(1);
            case GET -> "/" + request.id();
            case COUNT -> "/count" + (query.isEmpty() ? "" : "?" + query.substring(1));
        };
        return URI.create(base + path);
    }
}
