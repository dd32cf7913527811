package io.liaison.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.liaison.TestDatabase;
import io.liaison.identity.Api;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * The sync over a real connection: the results of the first batch come back while the client has
 * not finished sending, so neither side ever holds the whole body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class ContactSyncStreamingIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void theFirstBatchIsAnsweredBeforeTheBodyEnds() throws Exception {
        String token = token();
        String run = Api.unique("stream");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/contacts/sync HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                            + "\r\nContent-Type: application/x-ndjson\r\nAccept-Language: en\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            chunk(out, lines(run, 1, 500));
            out.flush();

            ChunkedAnswer answer = new ChunkedAnswer(socket.getInputStream());
            assertThat(answer.status).startsWith("HTTP/1.1 200");
            List<String> results = new ArrayList<>();
            while (results.size() < 500) {
                results.add(answer.line());
            }
            assertThat(results).allSatisfy(r -> assertThat(r).contains("\"status\":\"created\""));
            assertThat(JsonPath.<Integer>read(results.get(499), "$.line")).isEqualTo(500);

            chunk(out, lines(run, 501, 10));
            out.write("0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            String summary = answer.line();
            while (!summary.startsWith("{\"summary\"")) {
                summary = answer.line();
            }
            assertThat(JsonPath.<Integer>read(summary, "$.created")).isEqualTo(510);
        }
    }

    private static String lines(String run, int from, int count) {
        StringBuilder body = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            body.append("{\"source\":\"stream\",\"externalId\":\"")
                    .append(run)
                    .append('-')
                    .append(i)
                    .append("\",\"name\":\"流式 ")
                    .append(i)
                    .append("\"}\n");
        }
        return body.toString();
    }

    private static void chunk(OutputStream out, String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private String token() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tokens"))
                                .header("Authorization", Api.basic("default/admin", TestDatabase.ADMIN_PASSWORD))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"stream\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return JsonPath.read(answer.body(), "$.token");
    }

    /** A chunked HTTP answer read line by line as its chunks arrive. */
    private static final class ChunkedAnswer {

        final InputStream in;
        final String status;
        final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        ChunkedAnswer(InputStream in) throws IOException {
            this.in = in;
            this.status = crlfLine();
            String header = status;
            while (!header.isEmpty()) {
                header = crlfLine();
            }
        }

        /** The next line of the body. */
        String line() throws IOException {
            while (true) {
                byte[] bytes = pending.toByteArray();
                for (int i = 0; i < bytes.length; i++) {
                    if (bytes[i] == '\n') {
                        pending.reset();
                        pending.write(bytes, i + 1, bytes.length - i - 1);
                        return new String(bytes, 0, i, StandardCharsets.UTF_8);
                    }
                }
                int size = Integer.parseInt(crlfLine().strip(), 16);
                pending.write(in.readNBytes(size));
                crlfLine();
            }
        }

        private String crlfLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new EOFException("The answer ended");
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.UTF_8);
        }
    }
}
