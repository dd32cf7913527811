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
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Failed logins are limited per organization, login and client address (5, then 1 minute, doubling),
 * per login for every client together (10), and per client address (20 in 15 minutes), with 429 and
 * Retry-After for HTTP Basic and a message on the login page; a client that has logged in as the
 * member before (its device cookie) is judged by its own failures only. Each test uses client
 * addresses of its own so that the limits of one do not reach another.
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
        return basicLogin(login, password, address, null);
    }

    ResultActions basicLogin(String login, String password, String address, Cookie device) throws Exception {
        var request = post("/api/v1/tokens")
                .header(HttpHeaders.AUTHORIZATION, basic(org.code() + "/" + login, password))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"t\"}")
                .with(from(address));
        return mvc.perform(device == null ? request : request.cookie(device));
    }

    /** Moves the login's attempts back in time, as if {@code seconds} had passed. */
    void wait(String login, int seconds) {
        jdbc.sql("UPDATE login_attempt SET attempted_at = attempted_at - make_interval(secs => ?) WHERE login = ?")
                .params(seconds, login)
                .update();
    }

    static int retryAfter(ResultActions result) {
        return Integer.parseInt(result.andReturn().getResponse().getHeader("Retry-After"));
    }

    @Test
    void aStrangerCannotLockOutAClientThatLoggedInBefore() throws Exception {
        String home = newAddress();
        Cookie device = basicLogin(member.login(), member.password(), home)
                .andExpect(status().isCreated())
                .andExpect(header().string("Set-Cookie", Matchers.containsString("HttpOnly")))
                .andExpect(header().string("Set-Cookie", Matchers.containsString("SameSite=Strict")))
                .andReturn()
                .getResponse()
                .getCookie("LIAISON_DEVICE");
        assertThat(device).isNotNull();

        // Guesses from many addresses, a few each: every client stays under its own limit.
        for (int i = 0; i < 30; i++) {
            basicLogin(member.login(), "guess " + i, i < 20 ? newAddress() : home);
        }
        basicLogin(member.login(), member.password(), newAddress())
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.type").value("/problems/too-many-logins"));
        basicLogin(member.login(), member.password(), home).andExpect(status().isTooManyRequests());

        // The member's own client is judged by its own failures: a typo is a 401, the password works.
        basicLogin(member.login(), "a typo", home, device).andExpect(status().isUnauthorized());
        Cookie again = basicLogin(member.login(), member.password(), home, device)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getCookie("LIAISON_DEVICE");
        assertThat(again.getValue()).isEqualTo(device.getValue());
        mvc.perform(post("/login")
                        .with(csrf())
                        .with(from(newAddress()))
                        .cookie(device)
                        .param("username", member.login())
                        .param("password", member.password()))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void aStrangerIsSlowedDownLongerWithEachFailure() throws Exception {
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            basicLogin(member.login(), "wrong password " + i, address)
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.type").value("/problems/bad-credentials"));
        }
        assertThat(retryAfter(basicLogin(member.login(), member.password(), address)
                        .andExpect(status().isTooManyRequests())
                        .andExpect(jsonPath("$.type").value("/problems/too-many-logins"))))
                .isBetween(55, 60);
        wait(member.login(), 61);
        basicLogin(member.login(), "wrong password 6", address).andExpect(status().isUnauthorized());
        assertThat(retryAfter(basicLogin(member.login(), member.password(), address)))
                .isBetween(115, 120);
        wait(member.login(), 121);
        basicLogin(member.login(), "wrong password 7", address).andExpect(status().isUnauthorized());
        assertThat(retryAfter(basicLogin(member.login(), member.password(), address)))
                .isBetween(235, 240);

        // Attempts refused while waiting are not recorded and do not prolong the wait; others may still try.
        assertThat(jdbc.sql("SELECT count(*) FROM login_attempt WHERE login = ? AND NOT succeeded")
                        .param(member.login())
                        .query(Integer.class)
                        .single())
                .isEqualTo(7);
        basicLogin(member.login(), member.password(), newAddress()).andExpect(status().isCreated());
        wait(member.login(), 241);
        basicLogin(member.login(), member.password(), address).andExpect(status().isCreated());
    }

    @Test
    void guessesSentAtOnceCountAgainstEachOther() throws Exception {
        String address = newAddress();
        List<Callable<Integer>> guesses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String guess = "guess at once " + i;
            guesses.add(() -> basicLogin(member.login(), guess, address)
                    .andReturn()
                    .getResponse()
                    .getStatus());
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(guesses)) {
                statuses.add(status.get());
            }
            assertThat(statuses).filteredOn(s -> s == 401).hasSize(5);
            assertThat(statuses).filteredOn(s -> s == 429).hasSize(7);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void crossingTheLoginsLimitTellsTheAdministratorsOnce() throws Exception {
        for (int i = 0; i < 25; i++) {
            basicLogin(member.login(), "guess " + i, newAddress());
        }
        String body = mvc.perform(get("/api/v1/audit-events")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + org.adminToken())
                        .param("action", "member.login-throttled"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].targetId").value(member.id()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).contains("\"failures\":10");
    }

    @Test
    void aClientWhoseOwnFailuresPassTheLimitLosesItsDeviceCookie() throws Exception {
        String home = newAddress();
        Cookie device = basicLogin(member.login(), member.password(), home)
                .andReturn()
                .getResponse()
                .getCookie("LIAISON_DEVICE");
        for (int i = 0; i < 10; i++) {
            basicLogin(member.login(), "guess " + i, newAddress());
        }
        for (int i = 0; i < 10; i++) {
            basicLogin(member.login(), "typo " + i, home, device).andExpect(status().isUnauthorized());
        }
        basicLogin(member.login(), member.password(), home, device).andExpect(status().isTooManyRequests());
    }

    @Test
    void failuresForALoginOfAnotherOrganizationLockNothing() throws Exception {
        Api.Org other = api.newOrg();
        for (int i = 0; i < 30; i++) {
            mvc.perform(post("/api/v1/tokens")
                            .header(HttpHeaders.AUTHORIZATION, basic(other.code() + "/" + member.login(), "guess"))
                            .with(from(newAddress())))
                    .andExpect(status().is4xxClientError());
        }
        basicLogin(member.login(), member.password(), newAddress()).andExpect(status().isCreated());
    }

    @Test
    void aLoginThatNamesNoMemberIsAnsweredAsOneThatDoes() throws Exception {
        String address = newAddress();
        String nobody = Api.unique("nobody");
        for (int i = 0; i < 5; i++) {
            basicLogin(nobody, "guess " + i, address).andExpect(status().isUnauthorized());
            basicLogin(member.login(), "guess " + i, address).andExpect(status().isUnauthorized());
        }
        assertThat(retryAfter(basicLogin(nobody, "guess", address).andExpect(status().isTooManyRequests())))
                .isBetween(55, 60);
        assertThat(retryAfter(basicLogin(member.login(), "guess", address).andExpect(status().isTooManyRequests())))
                .isBetween(55, 60);
    }

    @Test
    void twentyFailuresFromOneAddressBlockEveryLoginFromItButAKnownClient() throws Exception {
        String address = newAddress();
        Cookie device = basicLogin(member.login(), member.password(), address)
                .andReturn()
                .getResponse()
                .getCookie("LIAISON_DEVICE");
        for (int i = 0; i < 20; i++) {
            basicLogin(Api.unique("nobody"), "whatever password", address).andExpect(status().isUnauthorized());
        }
        basicLogin(member.login(), member.password(), address)
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", Matchers.notNullValue()));
        basicLogin(member.login(), member.password(), address, device).andExpect(status().isCreated());
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
        assertThat(seconds).isBetween(55, 60);
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
