package io.liaison.push;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.channel.delivery.Drain;
import io.liaison.channel.send.RobotReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A push past the approval threshold waits for an approver (its sender may not approve it); a
 * scheduled push cancelled before its time sends nothing and cannot be cancelled twice; a push to
 * customer groups lands in the chat of the groups its sender is in and is skipped, with the reason,
 * in the others; a push to a WeCom robot reaches the robot once.
 */
@LiaisonIntegrationTest
class PushLifecycleIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Test
    void aPushOverTheThresholdWaitsForAnApproverAndTheSenderCannotApproveIt() throws Exception {
        PushWorld w = new PushWorld(mvc);
        w.contact(w.sender, "张三", "zhang.san@customer.example", true);
        w.api.answer(json(put("/api/v1/push-settings"), w.org.adminToken(), """
                        {"perDay":1,"perMonth":4,"approvalOver":0,"quietHours":null,"maxRecipients":1000}
                        """), 200);
        w.api.answer(json(put("/api/v1/push-settings"), w.sender.token(), """
                        {"perDay":0,"perMonth":0,"approvalOver":null,"quietHours":null,"maxRecipients":1000}
                        """), 403);

        String push = w.push(w.sender.token(), "通知", "你好", List.of(), 201);
        assertThat(JsonPath.<String>read(w.send(context, w.sender.token(), push), "$.state"))
                .as("held: its task does nothing before approval")
                .isEqualTo("awaiting_approval");
        w.api.answer(as(post("/api/v1/pushes/" + push + "/approve"), w.sender.token()), 403);

        String approved = w.api.answer(as(post("/api/v1/pushes/" + push + "/approve"), w.org.adminToken()), 200);
        assertThat(JsonPath.<String>read(approved, "$.state")).isEqualTo("scheduled");
        assertThat(JsonPath.<String>read(approved, "$.approvedBy")).isEqualTo(w.org.adminId());
        String sent = w.send(context, w.sender.token(), push);
        assertThat(JsonPath.<String>read(sent, "$.state")).isEqualTo("done");
        assertThat(JsonPath.<Integer>read(sent, "$.counts.queued"))
                .as("handed to the delivery module (which skips it here, where no SMTP server is set)")
                .isZero();
        assertThat(JsonPath.<Integer>read(sent, "$.audienceSize")).isEqualTo(1);
        w.api.answer(as(post("/api/v1/pushes/" + push + "/approve"), w.org.adminToken()), 409);
    }

    @Test
    void aCancelledPushSendsNothingAndCannotBeCancelledTwice() throws Exception {
        PushWorld w = new PushWorld(mvc);
        w.contact(w.sender, "张三", "zhang.san@customer.example", true);
        String push = w.api.createdId(json(post("/api/v1/pushes"), w.sender.token(), """
                {"name":"明天的通知","content":{"subject":"你好","body":"明天见"},
                 "audience":{"filter":{"tagIds":["%s"]}},"scheduledAt":"%s"}
                """.formatted(
                        w.vip, Instant.now().plus(Duration.ofDays(1)))));

        String cancelled = w.api.answer(as(post("/api/v1/pushes/" + push + "/cancel"), w.sender.token()), 200);
        assertThat(JsonPath.<String>read(cancelled, "$.state")).isEqualTo("cancelled");
        assertThat(JsonPath.<String>read(cancelled, "$.cancelledBy")).isEqualTo(w.sender.id());
        String after = w.send(context, w.sender.token(), push);
        assertThat(JsonPath.<String>read(after, "$.state")).isEqualTo("cancelled");
        assertThat(JsonPath.<Integer>read(after, "$.counts.queued") + JsonPath.<Integer>read(after, "$.counts.sending"))
                .as("nothing was written or sent")
                .isZero();
        w.api.answer(as(post("/api/v1/pushes/" + push + "/cancel"), w.sender.token()), 409);
        w.api.answer(as(get("/api/v1/pushes/" + push), w.other.token()), 404);
    }

    @Test
    void aPushReachesTheSendersGroupsInTheirChatAndARobotOnce() throws Exception {
        PushWorld w = new PushWorld(mvc);
        String mine = w.api.createdId(
                json(post("/api/v1/conversations"), w.sender.token(), "{\"kind\":\"internal\",\"name\":\"华东客户群\"}"));
        String theirs = w.api.createdId(
                json(post("/api/v1/conversations"), w.other.token(), "{\"kind\":\"internal\",\"name\":\"华南客户群\"}"));
        try (RobotReceiver wecom = new RobotReceiver(request -> "{\"errcode\":0,\"errmsg\":\"ok\"}")) {
            String robot = w.api.createdId(json(post("/api/v1/channels"), w.org.adminToken(), """
                    {"name":"客户通知机器人","kind":"wecom","url":"%s"}
                    """.formatted(
                            wecom.url("/cgi-bin/webhook/send?key=k1"))));
            String push =
                    w.api.createdId(json(post("/api/v1/pushes"), w.sender.token(), """
                    {"name":"群通知","content":{"subject":"年会","body":"{{name|各位}}，年会见！"},
                     "audience":{"conversationIds":["%s","%s"],"channelIds":["%s"]}}
                    """.formatted(mine, theirs, robot)));

            w.send(context, w.sender.token(), push);
            Drain.now(context);

            String messages =
                    w.api.answer(as(get("/api/v1/conversations/" + mine + "/messages"), w.sender.token()), 200);
            assertThat(JsonPath.<List<String>>read(messages, "$.items[*].text")).containsExactly("各位，年会见！");
            String recipients = w.api.answer(as(get("/api/v1/pushes/" + push + "/recipients"), w.sender.token()), 200);
            assertThat(JsonPath.<List<String>>read(
                            recipients, "$.items[?(@.conversationId == '" + theirs + "')].reason"))
                    .as("a group the sender is not in")
                    .containsExactly("not-in-group");
            assertThat(JsonPath.<List<String>>read(recipients, "$.items[?(@.kind == 'channel')].state"))
                    .containsExactly("sent");
            assertThat(JsonPath.<List<String>>read(recipients, "$.items[?(@.kind == 'conversation')].targetName"))
                    .containsExactlyInAnyOrder("华东客户群", "华南客户群");
            assertThat(wecom.received).hasSize(1);
            assertThat(wecom.received.get(0).body()).contains("各位，年会见！");
        }
    }
}
