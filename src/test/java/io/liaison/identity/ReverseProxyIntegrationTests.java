package io.liaison.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.TestDatabase;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * Behind an HTTPS proxy on this machine, which says so with X-Forwarded-Proto: the cookies of a login
 * are Secure and Strict-Transport-Security is sent, and the client address is the forwarded one. Over
 * real HTTP, because Tomcat's valve reads the headers, which MockMvc has not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class ReverseProxyIntegrationTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Value("${server.tomcat.remoteip.internal-proxies}")
    String trustedProxies;

    final HttpClient http = HttpClient.newHttpClient();

    /** Logs in as admin through the login page; {@code proto} is what the proxy forwards, if any. */
    HttpResponse<String> login(String proto, String client) throws Exception {
        HttpResponse<String> page = http.send(
                forwarded(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")), proto, client)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).isTrue();
        String session = page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION="))
                .findFirst()
                .orElseThrow();
        String form = "username=admin&organization=default&password="
                + URLEncoder.encode(TestDatabase.ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        return http.send(
                forwarded(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")), proto, client)
                        .header("Cookie", session.substring(0, session.indexOf(';')))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder forwarded(HttpRequest.Builder request, String proto, String client) {
        if (proto != null) {
            request.header("X-Forwarded-Proto", proto).header("X-Forwarded-For", client);
        }
        return request;
    }

    @Test
    void behindAnHttpsProxyTheLoginsCookiesAreSecureAndHstsIsSent() throws Exception {
        HttpResponse<String> response = login("https", "203.0.113.7");
        assertThat(response.statusCode()).isEqualTo(302);
        List<String> cookies = response.headers().allValues("Set-Cookie");
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("SESSION=").contains("; Secure"));
        assertThat(cookies)
                .anySatisfy(c -> assertThat(c).startsWith("LIAISON_DEVICE=").contains("; Secure"));
        assertThat(response.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(h -> assertThat(h).contains("max-age="));
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotStartWith("http:"));
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM login_attempt
                         WHERE client_address = '203.0.113.7' AND succeeded AND login = 'admin'
                        """).query(Integer.class).single()).isPositive();
    }

    @Test
    void overPlainHttpNeitherSecureCookiesNorHsts() throws Exception {
        HttpResponse<String> response = login(null, null);
        assertThat(response.statusCode()).isEqualTo(302);
        List<String> cookies = response.headers().allValues("Set-Cookie");
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("SESSION="));
        assertThat(cookies).allSatisfy(c -> assertThat(c).doesNotContain("Secure"));
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void onlyAProxyOnThisMachineIsTrustedByDefault() {
        Pattern trusted = Pattern.compile(trustedProxies);
        assertThat(List.of("127.0.0.1", "127.1.2.3", "0:0:0:0:0:0:0:1"))
                .allMatch(a -> trusted.matcher(a).matches());
        assertThat(List.of("10.0.0.5", "192.168.1.10", "172.17.0.1", "203.0.113.7", "fd00::1"))
                .noneMatch(a -> trusted.matcher(a).matches());
    }
}
