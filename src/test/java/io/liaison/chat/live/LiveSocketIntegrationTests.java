package io.liaison.chat.live;

import static io.liaison.chat.live.LiveSockets.of;
import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The chat socket as a page uses it, over a real WebSocket with the session cookie of a login: what
 * happens in a conversation reaches every open socket of its participants, once and in order, and
 * stops at once for someone removed; a reconnecting client gets exactly what it missed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabase.class)
class LiveSocketIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Test
    void messagesEditsRecallsReadsTypingAndChangesReachEveryOpenSocket() throws Exception {
        LiveSockets t = new LiveSockets(mvc, port);
        String group = t.group("internal");
        try (LiveClient admin = LiveClient.connect(port, t.adminCookie());
                LiveClient member = LiveClient.connect(port, t.memberCookie());
                LiveClient memberTab = LiveClient.connect(port, t.memberCookie())) {
            long seq = t.say(t.member.token(), group, "你好");
            List<String> seen = admin.drain(500);
            assertThat(of(seen, "message", "$.seq")).containsExactly((int) seq);
            String messageId =
                    LiveSockets.<String>of(seen, "message", "$.message.id").get(0);
            List<String> own = member.drain(300);
            assertThat(of(own, "message", "$.message.text"))
                    .as("the poster's socket")
                    .containsExactly("你好");
            List<String> otherTab = memberTab.drain(300);
            assertThat(of(otherTab, "message", "$.message.authorId"))
                    .as("the poster's other tab gets the message as its author's, which it has read")
                    .containsExactly(t.member.id());
            assertThat(of(otherTab, "read", "$.participantId"))
                    .as("a post moves its author's read mark without a read frame to every socket")
                    .isEmpty();
            assertThat(of(seen, "read", "$.participantId")).isEmpty();

            t.api.answer(
                    json(
                            patch("/api/v1/conversations/" + group + "/messages/" + messageId),
                            t.member.token(),
                            "{\"text\":\"你好，改过了\"}"),
                    200);
            String edited = admin.next("edited");
            assertThat(JsonPath.<Integer>read(edited, "$.seq")).isEqualTo((int) seq);
            assertThat(JsonPath.<String>read(edited, "$.message.text")).isEqualTo("你好，改过了");

            admin.send("{\"type\":\"read\",\"conversationId\":\"" + group + "\",\"seq\":" + seq + "}");
            String read = member.await("read");
            assertThat(JsonPath.<String>read(read, "$.participantId")).isEqualTo(t.org.adminId());
            assertThat(JsonPath.<Integer>read(read, "$.seq")).isEqualTo((int) seq);

            member.send("{\"type\":\"typing\",\"conversationId\":\"" + group + "\"}");
            member.send("{\"type\":\"typing\",\"conversationId\":\"" + group + "\"}");
            List<String> typing = admin.drain(500);
            assertThat(of(typing, "typing", "$.participantId"))
                    .as("one typing frame per two seconds")
                    .containsExactly(t.member.id());
            assertThat(of(typing, "typing", "$.name")).containsExactly("Member " + t.member.login());
            assertThat(of(member.drain(200), "typing", "$.participantId"))
                    .as("the typist's own socket")
                    .isEmpty();

            t.api.answer(
                    as(post("/api/v1/conversations/" + group + "/messages/" + messageId + "/recall"), t.member.token()),
                    200);
            String recalled = admin.await("recalled");
            assertThat(JsonPath.<String>read(recalled, "$.message.recalledAt")).isNotNull();
            assertThat(JsonPath.<String>read(recalled, "$.message.text")).isNull();

            t.rename(group, "新名字");
            assertThat(JsonPath.<String>read(member.await("conversation"), "$.conversationId"))
                    .isEqualTo(group);
            assertThat(admin.await("conversation")).contains(group);
        }
    }

    @Test
    void aRemovedMemberGetsRemovedAndNothingMoreAndComesBackWhenAdded() throws Exception {
        LiveSockets t = new LiveSockets(mvc, port);
        String group = t.group("internal");
        try (LiveClient admin = LiveClient.connect(port, t.adminCookie());
                LiveClient member = LiveClient.connect(port, t.memberCookie())) {
            t.api.answer(
                    as(
                            delete("/api/v1/conversations/" + group + "/participants?memberId=" + t.member.id()),
                            t.org.adminToken()),
                    204);
            assertThat(JsonPath.<String>read(member.next("removed"), "$.conversationId"))
                    .isEqualTo(group);
            assertThat(admin.next("conversation")).contains(group);
            t.say(t.org.adminToken(), group, "removed members do not hear this");
            admin.await("message");
            assertThat(member.drain(500)).as("frames after the removal").isEmpty();
            member.send("{\"type\":\"typing\",\"conversationId\":\"" + group + "\"}");
            assertThat(JsonPath.<String>read(member.next("error"), "$.code")).isEqualTo("not-following");

            t.api.answer(
                    json(
                            post("/api/v1/conversations/" + group + "/participants"),
                            t.org.adminToken(),
                            "{\"memberIds\":[\"" + t.member.id() + "\"]}"),
                    200);
            assertThat(member.next("conversation")).contains(group);
            long seq = t.say(t.org.adminToken(), group, "welcome back");
            assertThat(of(member.drain(500), "message", "$.seq")).containsExactly((int) seq);
        }
    }

    @Test
    void aNewConversationIsFollowedAtOnceByTheSocketsOfItsParticipants() throws Exception {
        LiveSockets t = new LiveSockets(mvc, port);
        try (LiveClient member = LiveClient.connect(port, t.memberCookie())) {
            String group = t.group("internal");
            assertThat(member.next("conversation")).contains(group);
            long seq = t.say(t.org.adminToken(), group, "first");
            assertThat(of(member.drain(500), "message", "$.seq")).containsExactly((int) seq);
        }
    }

    @Test
    void aReconnectingClientGetsWhatItMissedInOrderAndNothingTwice() throws Exception {
        LiveSockets t = new LiveSockets(mvc, port);
        String group = t.group("internal");
        String cookie = t.memberCookie();
        try (LiveClient first = LiveClient.connect(port, cookie)) {
            t.say(t.org.adminToken(), group, "one");
            t.say(t.org.adminToken(), group, "two");
            assertThat(of(first.drain(500), "message", "$.seq")).containsExactly(1, 2);
        }
        for (String text : List.of("three", "four", "five")) {
            t.say(t.org.adminToken(), group, text);
        }
        try (LiveClient again = LiveClient.connect(port, cookie)) {
            again.send("{\"type\":\"resume\",\"since\":{\"" + group + "\":2}}");
            List<String> missed = new java.util.ArrayList<>(again.drain(500));
            assertThat(JsonPath.<Boolean>read(missed.get(missed.size() - 1), "$.complete"))
                    .isTrue();
            t.say(t.org.adminToken(), group, "six");
            missed.addAll(again.drain(500));
            assertThat(of(missed, "message", "$.seq")).containsExactly(3, 4, 5, 6);
            assertThat(of(missed, "message", "$.message.text")).containsExactly("three", "four", "five", "six");

            again.send("{\"type\":\"resume\",\"since\":{\"" + group + "\":0}}");
            String resumed = again.next("resumed");
            assertThat(JsonPath.<Boolean>read(resumed, "$.complete"))
                    .as("a resume from before what this socket was sent")
                    .isFalse();
            assertThat(JsonPath.<List<String>>read(resumed, "$.reload")).containsExactly(group);
        }
    }
}
