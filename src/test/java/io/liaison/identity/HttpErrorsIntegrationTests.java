package io.liaison.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Errors that no controller sees (unknown paths, wrong methods and media types) go through the
 * servlet container's error dispatch, which MockMvc does not perform: these run over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class HttpErrorsIntegrationTests {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token);
    }

    String token() throws Exception {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tokens"))
                        .header("Authorization", Api.basic("default/admin", TestDatabase.ADMIN_PASSWORD))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"http errors\"}")));
        assertThat(response.statusCode()).isEqualTo(201);
        return com.jayway.jsonpath.JsonPath.read(response.body(), "$.token");
    }

    @Test
    void unknownApiPathsMethodsAndMediaTypesAnswerProblems() throws Exception {
        String token = token();

        HttpResponse<String> notFound = send(request("/api/v1/no-such-thing", token));
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(notFound.body()).contains("\"title\":\"Not found\"", "\"instance\":\"/api/v1/no-such-thing\"");

        HttpResponse<String> method = send(request("/api/v1/members", token).PUT(HttpRequest.BodyPublishers.noBody()));
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(method.body()).contains("\"status\":405", "PUT");

        HttpResponse<String> media = send(request("/api/v1/departments", token)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("Sales")));
        assertThat(media.statusCode()).isEqualTo(415);
        assertThat(media.body()).contains("\"status\":415", "text/plain");
    }

    /** Paths with a variable are matched against every mapping; wrong methods and media types still get their answers. */
    @Test
    void pathsWithAVariableStillAnswerWrongMethodsAndMediaTypes() throws Exception {
        String token = token();
        String contact = "/api/v1/contacts/01a23c97-bc97-75ac-9f18-bcd83c0cb51f";

        HttpResponse<String> method =
                send(request(contact + "/timeline", token).PUT(HttpRequest.BodyPublishers.noBody()));
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(method.headers().firstValue("Allow")).hasValue("GET");

        HttpResponse<String> media = send(request(contact, token)
                .header("Content-Type", "text/plain")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(media.statusCode()).isEqualTo(415);
        assertThat(media.body()).contains("\"status\":415", "text/plain");

        HttpResponse<String> unknown = send(request(contact, token));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"status\":404");
    }

    @Test
    void pagesSendStrangersToTheLoginAndErrorsNeverShowAStackTrace() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Accept", "text/html"));
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> unknown =
                send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/no-such-page"))
                        .header("Accept", "text/html"));
        assertThat(unknown.statusCode()).isEqualTo(302);
        assertThat(unknown.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        HttpResponse<String> anonymous = send(request("/api/v1/members", "lia_wrong"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("Exception", "at io.liaison");
    }
}
