package io.liaison.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.liaison.TestDatabase;
import io.liaison.identity.Api;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Requests refused before a controller runs, by Tomcat, by Spring Security's firewall or by the check
 * of a request's text, sent as raw bytes over a socket (MockMvc has no Tomcat, and HTTP clients refuse
 * to send such requests): a problem in JSON for the API, the site's error page for people.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class RefusedRequestsIntegrationTests {

    @LocalServerPort
    int port;

    String token;

    record Answer(int status, String head, String body) {

        String contentType() {
            return head.lines()
                    .filter(l -> l.regionMatches(true, 0, "Content-Type:", 0, 13))
                    .map(l -> l.substring(13).trim())
                    .findFirst()
                    .orElse("");
        }

        Answer assertProblem(int expected, String type) {
            assertThat(status).as(head + body).isEqualTo(expected);
            assertThat(contentType()).as(head + body).startsWith("application/problem+json");
            assertThat((String) JsonPath.read(body, "$.type")).as(body).isEqualTo(type);
            assertThat((Integer) JsonPath.read(body, "$.status")).isEqualTo(expected);
            assertThat((String) JsonPath.read(body, "$.title")).isNotBlank();
            assertThat((String) JsonPath.read(body, "$.detail")).isNotBlank();
            return this;
        }

        Answer assertErrorPage(int expected) {
            assertThat(status).as(head + body).isEqualTo(expected);
            assertThat(contentType()).as(head + body).startsWith("text/html");
            assertThat(body).contains("· Liaison</title>", "/css/liaison.css", ">" + expected + "<");
            assertThat(body).doesNotContain("Apache Tomcat", "HTTP Status");
            return this;
        }
    }

    Answer raw(byte[] request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            String text = answer.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = text.substring(0, split);
            String body = text.substring(split + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new Answer(Integer.parseInt(head.substring(9, 12)), head, body);
        }
    }

    static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
        int at = 0;
        while (true) {
            int eol = indexOf(bytes, at);
            int size = Integer.parseInt(new String(bytes, at, eol - at, StandardCharsets.US_ASCII).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(new String(bytes, eol + 2, size, StandardCharsets.UTF_8));
            at = eol + 2 + size + 2;
        }
    }

    static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("no line end");
    }

    Answer get(String target, String accept, String... headers) throws Exception {
        StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n");
        request.append("Accept: ").append(accept).append("\r\n");
        if (token != null) {
            request.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        return raw(request.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    Answer post(String target, String contentType, byte[] body) throws Exception {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                        + "Authorization: Bearer " + token + "\r\nContent-Type: " + contentType
                        + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(body);
        return raw(request.toByteArray());
    }

    @BeforeEach
    void token() throws Exception {
        token = null;
        byte[] body = "{\"name\":\"refusals\"}".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST /api/v1/tokens HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                        + Api.basic("default/admin", TestDatabase.ADMIN_PASSWORD)
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(body);
        Answer created = raw(request.toByteArray());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        token = JsonPath.read(created.body(), "$.token");
    }

    @Test
    void tomcatsOwnRefusalsAreProblemsForTheApiAndTheErrorPageForPeople() throws Exception {
        for (String path :
                new String[] {"/api/v1/contacts/a%2Fb", "/api/v1/contacts/a%00b", "/api/v1/contacts/%C0%80"}) {
            Answer api = get(path, "application/json").assertProblem(400, "/problems/http-400");
            assertThat((String) JsonPath.read(api.body(), "$.instance")).isEqualTo(path);
            get(path, "*/*").assertProblem(400, "/problems/http-400");
        }
        Answer chinese = get("/api/v1/contacts/a%2Fb", "application/json", "Accept-Language: zh-CN,zh;q=0.9");
        assertThat((String) JsonPath.read(chinese.body(), "$.title")).isEqualTo("请求错误");
        assertThat((String) JsonPath.read(chinese.body(), "$.detail")).contains("服务器无法读取此请求");

        get("/contacts/a%2Fb", "text/html").assertErrorPage(400);
        get("/contacts/%00", "text/html").assertErrorPage(400);
        Answer chinesePage =
                get("/contacts/a%2Fb", "text/html", "Accept-Language: zh-CN").assertErrorPage(400);
        assertThat(chinesePage.body()).contains("请求错误", "lang=\"zh-CN\"");
    }

    @Test
    void overLongAddressesAndHeadersAreProblemsToo() throws Exception {
        get("/api/v1/contacts?q=" + "a".repeat(10_000), "application/json").assertProblem(400, "/problems/http-400");
        get("/api/v1/contacts", "application/json", "X-Padding: " + "b".repeat(10_000))
                .assertProblem(400, "/problems/http-400");
        get("/api/v1/contacts", "application/json", "X-Control: a\u0001b").assertProblem(400, "/problems/http-400");
        // Tomcat cannot read the path of a request line longer than its buffer; a program sent it.
        get("/contacts?q=" + "a".repeat(10_000), "text/html").assertProblem(400, "/problems/http-400");
        get("/contacts", "text/html", "X-Padding: " + "b".repeat(10_000)).assertErrorPage(400);
    }

    @Test
    void addressesTheFirewallRefusesAreProblemsInTheUsersLanguage() throws Exception {
        for (String path : new String[] {"/api/v1/contacts;x=1", "/api/v1//contacts", "/api/v1/contacts/%25"}) {
            get(path, "application/json").assertProblem(400, "/problems/rejected-address");
        }
        Answer chinese = get("/api/v1/contacts;x=1", "application/json", "Accept-Language: zh-CN");
        assertThat((String) JsonPath.read(chinese.body(), "$.title")).isEqualTo("地址不被允许");
        Answer page = get("/login;jsessionid=1", "text/html").assertErrorPage(400);
        assertThat(page.body()).contains("Address not allowed");
    }

    @Test
    void queryParametersThatAreNotUtf8OrHoldANulAreRefusedByName() throws Exception {
        for (String value : new String[] {"%C0%80", "%ED%A0%80", "%FF", "a%00b"}) {
            Answer refused = get("/api/v1/contacts?limit=5&q=" + value, "application/json")
                    .assertProblem(400, "/problems/invalid-text");
            assertThat((String) JsonPath.read(refused.body(), "$.errors[0].field"))
                    .isEqualTo("q");
        }
        assertThat(get("/api/v1/contacts?q=%EF%BF%BD%E5%BC%A0", "application/json")
                        .status())
                .isEqualTo(200);
        // a stranger is sent to the login first; nothing fails on the way
        token = null;
        Answer stranger = get("/contacts?q=%C0%80", "text/html");
        assertThat(stranger.status()).as(stranger.head()).isLessThan(500);
        assertThat(stranger.body()).doesNotContain("Apache Tomcat", "HTTP Status");
    }

    @Test
    void parameterNamesWithAControlCharacterAreRefusedByTheFirewall() throws Exception {
        // U+0085 (next line) is valid UTF-8 and no NUL, so only the firewall's rule for names refuses it
        get("/api/v1/contacts?tag%C2%85Id=1", "application/json").assertProblem(400, "/problems/rejected-address");
        assertThat(get("/api/v1/contacts?limit=5&q=%E5%BC%A0", "application/json")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void formFieldsAndUploadedFileNamesAreCheckedAsWell() throws Exception {
        // the check runs once the sender is known, so an API token carries these form bodies
        Answer form = post(
                "/api/v1/contacts",
                "application/x-www-form-urlencoded",
                "name=Zhang%00San".getBytes(StandardCharsets.US_ASCII));
        form.assertProblem(400, "/problems/invalid-text");
        assertThat((String) JsonPath.read(form.body(), "$.errors[0].field")).isEqualTo("name");
        for (String overlong : new String[] {"name=%C0%80", "name=%ED%A0%80"}) {
            post("/api/v1/contacts", "application/x-www-form-urlencoded", overlong.getBytes(StandardCharsets.US_ASCII))
                    .assertProblem(400, "/problems/invalid-text");
        }

        // a multipart body without its boundary cannot be read at all: a 400 from the upload's reader
        Answer unbounded = post(
                "/api/v1/imports/preview", "multipart/form-data", "--xyz\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        unbounded.assertProblem(400, "/problems/malformed-upload");

        for (byte[] name : new byte[][] {
            {'a', 0, 'b'}, {'a', (byte) 0xC0, (byte) 0x80}, {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80}
        }) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    .getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(name);
            body.writeBytes(".csv\"\r\nContent-Type: text/csv\r\n\r\nname\r\n张三\r\n--xyz--\r\n"
                    .getBytes(StandardCharsets.UTF_8));
            Answer upload = post("/api/v1/imports", "multipart/form-data; boundary=xyz", body.toByteArray());
            upload.assertProblem(400, "/problems/invalid-text");
            assertThat((String) JsonPath.read(upload.body(), "$.errors[0].field"))
                    .isEqualTo("filename");
        }
    }
}
