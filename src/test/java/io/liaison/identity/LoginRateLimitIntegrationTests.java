package io.liaison.identity;

import static io.liaison.identity.Api.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Failed logins are limited per login (5 in 15 minutes) and per client address (20), with 429 and
 * Retry-After for HTTP Basic and a message on the login page. Each test uses client addresses of its
 * own so that the limits of one do not reach another.
 */
@LiaisonIntegrationTest
class LoginRateLimitIntegrationTests {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Api.Org org;
    Api.Person member;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg();
        member = api.newMember(org, "MEMBER");
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    static String newAddress() {
        return "10.77." + ADDRESSES.incrementAndGet() / 250 + "." + ADDRESSES.get() % 250;
    }

    ResultActions basicLogin(String login, String password, String address) throws Exception {
        return mvc.perform(post("/api/v1/tokens")
                .header(HttpHeaders.AUTHORIZATION, basic(org.code() + "/" + login, password))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"t\"}")
                .with(from(address)));
    }

    @Test
    void fiveFailuresForALoginLockItWithRetryAfterEvenForTheRightPassword() throws Exception {
        for (int i = 0; i < 5; i++) {
            basicLogin(member.login(), "wrong password " + i, newAddress())
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.type").value("/problems/bad-credentials"));
        }
        basicLogin(member.login(), member.password(), newAddress())
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", Matchers.notNullValue()))
                .andExpect(jsonPath("$.type").value("/problems/too-many-logins"));
        String retryAfter = basicLogin(member.login(), member.password(), newAddress())
                .andReturn()
                .getResponse()
                .getHeader("Retry-After");
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 15 * 60 + 1);

        assertThat(jdbc.sql("SELECT count(*) FROM login_attempt WHERE login = ? AND NOT succeeded")
                        .param(member.login())
                        .query(Integer.class)
                        .single())
                .isEqualTo(7);

        jdbc.sql("UPDATE login_attempt SET attempted_at = attempted_at - interval '16 minutes' WHERE login = ?")
                .param(member.login())
                .update();
        basicLogin(member.login(), member.password(), newAddress()).andExpect(status().isCreated());
    }

    @Test
    void twentyFailuresFromOneAddressBlockEveryLoginFromIt() throws Exception {
        String address = newAddress();
        for (int i = 0; i < 20; i++) {
            basicLogin(Api.unique("nobody"), "whatever password", address).andExpect(status().isUnauthorized());
        }
        basicLogin(member.login(), member.password(), address)
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", Matchers.notNullValue()));
        basicLogin(member.login(), member.password(), newAddress()).andExpect(status().isCreated());
    }

    @Test
    void theLoginPageSaysWhenLoginsAreThrottled() throws Exception {
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login")
                            .with(csrf())
                            .with(from(address))
                            .param("username", member.login())
                            .param("password", "wrong password"))
                    .andExpect(redirectedUrl("/login?error"));
        }
        String location = mvc.perform(post("/login")
                        .with(csrf())
                        .with(from(address))
                        .param("username", member.login())
                        .param("password", member.password()))
                .andExpect(redirectedUrlPattern("/login?throttled=*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        int seconds = Integer.parseInt(location.substring(location.indexOf('=') + 1));
        assertThat(seconds).isBetween(1, 15 * 60 + 1);
        mvc.perform(get(location).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(seconds + " seconds")));
    }

    @Test
    void aSuccessfulLoginStartsTheCountAfresh() throws Exception {
        for (int i = 0; i < 4; i++) {
            basicLogin(member.login(), "wrong password", newAddress()).andExpect(status().isUnauthorized());
        }
        basicLogin(member.login(), member.password(), newAddress()).andExpect(status().isCreated());
        for (int i = 0; i < 4; i++) {
            basicLogin(member.login(), "wrong password", newAddress()).andExpect(status().isUnauthorized());
        }
        basicLogin(member.login(), member.password(), newAddress()).andExpect(status().isCreated());
    }
}
