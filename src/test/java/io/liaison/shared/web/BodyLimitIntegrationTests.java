package io.liaison.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.liaison.TestDatabase;
import io.liaison.identity.Api;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * A JSON body over the limit is refused with a 413 problem before it is parsed, whether it says its
 * length or is sent in chunks; a body within the limit is not touched. Over real HTTP, since the
 * length and the chunks are Tomcat's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class BodyLimitIntegrationTests {

    @LocalServerPort
    int port;

    final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aBodyOverTheLimitIsRefusedNamingItWithOrWithoutALength() throws Exception {
        String token = token();
        String big = "{\"name\":\"" + "x".repeat(1024 * 1024 + 1) + "\"}";

        HttpResponse<String> sized = send(post(token, "zh-CN").POST(HttpRequest.BodyPublishers.ofString(big)));
        assertThat(sized.statusCode()).isEqualTo(413);
        assertThat(sized.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat((String) JsonPath.read(sized.body(), "$.detail")).isEqualTo("请求内容超过了 1024 KB 的上限。");

        HttpResponse<String> chunked = send(post(token, "en")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))));
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat((String) JsonPath.read(chunked.body(), "$.detail"))
                .isEqualTo("The request body is larger than the limit of 1024 KB.");

        String name = Api.unique("部门");
        HttpResponse<String> small = send(post(token, "en")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() ->
                        new ByteArrayInputStream(("{\"name\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8)))));
        assertThat(small.statusCode()).as(small.body()).isEqualTo(201);
        assertThat((String) JsonPath.read(small.body(), "$.name")).isEqualTo(name);
    }

    private HttpRequest.Builder post(String token, String language) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/departments"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept-Language", language);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token() throws Exception {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tokens"))
                        .header("Authorization", Api.basic("default/admin", TestDatabase.ADMIN_PASSWORD))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"body limit\"}")));
        assertThat(response.statusCode()).isEqualTo(201);
        return JsonPath.read(response.body(), "$.token");
    }
}
