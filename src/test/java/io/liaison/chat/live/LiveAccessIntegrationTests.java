package io.liaison.chat.live;

import static io.liaison.chat.live.LiveSockets.of;
import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.TestDatabase;
import io.liaison.identity.Actor;
import io.liaison.identity.Guest;
import io.liaison.identity.GuestInvitation;
import io.liaison.identity.Guests;
import io.liaison.identity.MemberService;
import io.liaison.shared.LiaisonProperties;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who may open the chat socket and what it lets through: no session, another site's page or one
 * socket too many is refused; frames past the limits are refused; a guest hears only what the
 * group's settings let them, and loses the socket the moment their contact is trashed; a socket ends
 * with its browser session, keeps it while open, and ends at once when its member is deactivated.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabase.class)
class LiveAccessIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    Guests guests;

    @Autowired
    MemberService members;

    @Autowired
    LiaisonProperties properties;

    @Autowired
    Heartbeats heartbeats;

    @Autowired
    JdbcClient jdbc;

    private int refusal(String cookie, String origin) throws InterruptedException {
        try {
            LiveClient.open(port, cookie, origin).get(10, TimeUnit.SECONDS).close();
            return 101;
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void noSessionAnotherSitesPageOrOneSocketTooManyIsRefused() throws Exception {
        LiveSockets t = new LiveSockets(mvc, port);
        String self = "http://localhost:" + port;
        assertThat(refusal(null, self)).as("no session").isEqualTo(401);
        assertThat(refusal("SESSION=" + UUID.randomUUID(), self))
                .as("an unknown session")
                .isEqualTo(401);
        String cookie = t.memberCookie();
        assertThat(refusal(cookie, "https://evil.example"))
                .as("another site's page")
                .isEqualTo(403);
        assertThat(refusal(cookie, LiveConfiguration.origin(properties.baseUrl())))
                .as("the base URL's origin, %s", properties.baseUrl())
                .isEqualTo(101);

        List<LiveClient> tabs = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                tabs.add(LiveClient.connect(port, cookie));
            }
            assertThat(refusal(cookie, self)).as("an eleventh socket").isEqualTo(429);
        } finally {
            tabs.forEach(LiveClient::close);
        }
    }

    @Test
    void framesPastTheLimitsAreRefused() throws Exception {
        LiveSockets t = new LiveSockets(mvc, port);
        String cookie = t.memberCookie();
        try (LiveClient client = LiveClient.connect(port, cookie)) {
            client.send("not json");
            assertThat(JsonPath.<String>read(client.next("error"), "$.code")).isEqualTo("bad-frame");
            client.send("{\"type\":\"subscribe\"}");
            String unknown = client.next("error");
            assertThat(JsonPath.<String>read(unknown, "$.code")).isEqualTo("unknown-frame");
            assertThat(JsonPath.<String>read(unknown, "$.message")).isNotBlank();
            String since = IntStream.range(0, 1001)
                    .mapToObj(i -> "\"" + UUID.randomUUID() + "\":1")
                    .collect(Collectors.joining(","));
            client.send("{\"type\":\"resume\",\"since\":{" + since + "}}");
            assertThat(JsonPath.<String>read(client.next("error"), "$.code")).isEqualTo("resume-too-large");
        }
        try (LiveClient client = LiveClient.connect(port, cookie)) {
            Thread.sleep(1000);
            for (int i = 0; i < 25; i++) {
                client.send("{\"type\":\"ping\"}");
            }
            List<String> answers = client.drain(500);
            assertThat(of(answers, "pong", "$.type"))
                    .as("pongs within a second")
                    .hasSize(20);
            assertThat(of(answers, "error", "$.code")).containsExactly("too-many-frames");
        }
        try (LiveClient client = LiveClient.connect(port, cookie)) {
            client.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(70_000) + "\"}");
            assertThat(client.closed.get(5, TimeUnit.SECONDS))
                    .as("the close code")
                    .isEqualTo(1009);
        }
    }

    @Test
    void aGuestHearsWhatTheGroupsSettingsAllowAndLosesTheSocketWhenTheContactIsTrashed() throws Exception {
        LiveSockets t = new LiveSockets(mvc, port);
        String group = t.group("external");
        t.settings(group, "{\"guestsSeeParticipants\":false}");
        String contact = t.api.createdId(json(post("/api/v1/contacts"), t.org.adminToken(), "{\"name\":\"李雷\"}"));
        Actor admin = members.actor(UUID.fromString(t.org.adminId())).orElseThrow();
        GuestInvitation invitation = guests.invite(admin, UUID.fromString(contact), UUID.fromString(group), null);
        String token = invitation.url().substring(invitation.url().lastIndexOf('/') + 1);
        String login = "lilei-" + UUID.randomUUID().toString().substring(0, 8);
        Guest guest = guests.accept(token, "李雷", login, "guest-password-1");
        String guestCookie = LiveClient.login(t.base(), "/guest/login", t.org.code(), login, "guest-password-1");

        try (LiveClient guestSocket = LiveClient.connect(port, guestCookie);
                LiveClient member = LiveClient.connect(port, t.memberCookie())) {
            long seq = t.say(t.org.adminToken(), group, "欢迎");
            List<String> heard = guestSocket.drain(500);
            assertThat(of(heard, "message", "$.seq")).containsExactly((int) seq);
            assertThat(of(heard, "read", "$.participantId"))
                    .as("the poster's read mark, which a guest who may not see participants does not get")
                    .isEmpty();
            member.send("{\"type\":\"typing\",\"conversationId\":\"" + group + "\"}");
            guestSocket.send("{\"type\":\"read\",\"conversationId\":\"" + group + "\",\"seq\":" + seq + "}");
            heard = guestSocket.drain(500);
            assertThat(of(heard, "typing", "$.participantId")).isEmpty();
            assertThat(of(heard, "read", "$.participantId"))
                    .containsExactly(guest.id().toString());
            assertThat(of(member.drain(300), "read", "$.participantId"))
                    .contains(guest.id().toString());
            guestSocket.send("{\"type\":\"typing\",\"conversationId\":\"" + UUID.randomUUID() + "\"}");
            assertThat(JsonPath.<String>read(guestSocket.next("error"), "$.message"))
                    .as("an error in the guest's language, their organization's")
                    .isEqualTo("你不在这个会话中。");

            t.settings(group, "{\"guestsSeeParticipants\":true}");
            guestSocket.await("conversation");
            Thread.sleep(2000);
            member.send("{\"type\":\"typing\",\"conversationId\":\"" + group + "\"}");
            assertThat(JsonPath.<String>read(guestSocket.await("typing"), "$.participantId"))
                    .isEqualTo(t.member.id());

            t.api.answer(as(delete("/api/v1/contacts/" + contact), t.org.adminToken()), 204);
            assertThat(guestSocket.closed.get(5, TimeUnit.SECONDS))
                    .as("the guest's socket after the trash")
                    .isEqualTo(1008);
            assertThat(refusal(guestCookie, "http://localhost:" + port))
                    .as("the guest's session after the trash")
                    .isEqualTo(401);
            assertThat(member.closed.isDone()).as("a member's socket stays").isFalse();
        }
    }

    @Test
    void aSocketEndsWithItsSessionKeepsItWhileOpenAndEndsAtOnceWhenItsMemberIsDeactivated() throws Exception {
        LiveSockets t = new LiveSockets(mvc, port);
        String stays = t.memberCookie();
        String leaves = t.memberCookie();
        try (LiveClient staying = LiveClient.connect(port, stays);
                LiveClient leaving = LiveClient.connect(port, leaves)) {
            String session = new String(Base64.getDecoder().decode(stays.substring("SESSION=".length())));
            long now = System.currentTimeMillis();
            jdbc.sql("UPDATE spring_session SET last_access_time = ?, expiry_time = ? WHERE session_id = ?")
                    .params(
                            now - Duration.ofHours(7).toMillis(),
                            now + Duration.ofHours(1).toMillis(),
                            session)
                    .update();

            LiveClient.logout(t.base(), leaves);
            heartbeats.checkSessions();
            assertThat(leaving.closed.get(5, TimeUnit.SECONDS))
                    .as("the socket of the session logged out, at the next check")
                    .isEqualTo(1008);
            assertThat(staying.closed.isDone()).as("the other session's socket").isFalse();
            assertThat(jdbc.sql("SELECT expiry_time FROM spring_session WHERE session_id = ?")
                            .param(session)
                            .query(Long.class)
                            .single())
                    .as("the open socket's session, kept from expiring")
                    .isGreaterThan(now + Duration.ofHours(7).toMillis());

            t.api.answer(as(post("/api/v1/members/" + t.member.id() + "/deactivate"), t.org.adminToken()), 200);
            assertThat(staying.closed.get(5, TimeUnit.SECONDS))
                    .as("a deactivated member's socket, at once")
                    .isEqualTo(1008);
            assertThat(refusal(stays, t.base()))
                    .as("the deactivated member's session")
                    .isEqualTo(401);
        }
    }
}
