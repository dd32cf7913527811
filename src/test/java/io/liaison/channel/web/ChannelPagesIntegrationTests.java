package io.liaison.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.channel.ChannelSummary;
import io.liaison.channel.Channels;
import io.liaison.channel.Deliveries;
import io.liaison.channel.DeliveryOrigin;
import io.liaison.channel.Destination;
import io.liaison.channel.OutboundMessage;
import io.liaison.channel.StandardWebhooks;
import io.liaison.channel.WebhookChannels;
import io.liaison.channel.delivery.Drain;
import io.liaison.channel.send.RobotReceiver;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.identity.OrganizationService;
import io.liaison.identity.PageActors;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * The channel settings and the delivery log as pages: a secret typed once and never shown again, the
 * test button showing the platform's own answer, members limited to their own robots, and the log
 * filtered by state with a failed delivery sent again.
 */
@LiaisonIntegrationTest
@TestPropertySource(properties = "liaison.channel.outbound-allowed-hosts=127.0.0.1")
class ChannelPagesIntegrationTests {

    static final String SECRET = "SEC0123456789abcdef";

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberService members;

    @Autowired
    OrganizationService organizations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Deliveries deliveries;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ApplicationContext context;

    @Autowired
    WebhookChannels webhooks;

    @Autowired
    Channels channels;

    PageActors actors;
    Actor admin;

    @BeforeEach
    void setUp() {
        actors = new PageActors(mvc, members, organizations, jdbc);
        admin = actors.newOrganizationAdmin("Channels");
    }

    /** DingTalk as it documents the check: the sign of timestamp and secret, or errcode 310000. */
    static RobotReceiver dingTalk() {
        return new RobotReceiver(request -> {
            String timestamp = request.query().get("timestamp");
            String sign = request.query().get("sign");
            boolean signed = timestamp != null
                    && RobotReceiver.hmacSha256Base64(SECRET, timestamp + "\n" + SECRET)
                            .equals(sign);
            return signed ? "{\"errcode\":0,\"errmsg\":\"ok\"}" : "{\"errcode\":310000,\"errmsg\":\"sign not match\"}";
        });
    }

    /** What the answer says, as text (quotes unescaped), after an htmx request. */
    String page(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
        return text(actors.page(request.header("HX-Request", "true"), actor, status().isOk()));
    }

    static String text(String html) {
        return HtmlUtils.htmlUnescape(html.replaceAll("<[^>]+>", " ")).replaceAll("\\s+", " ");
    }

    UUID channelNamed(String name) {
        return jdbc.sql("SELECT id FROM channel WHERE org_id = ? AND name = ?")
                .params(admin.orgId(), name)
                .query(UUID.class)
                .single();
    }

    @Test
    void aSecretIsTypedOnceAndTheTestButtonShowsWhatTheRobotAnswered() throws Exception {
        try (RobotReceiver robot = dingTalk()) {
            String url = robot.url("/robot/send?access_token=token-4711");
            String created = page(
                    post("/channels")
                            .param("personal", "false")
                            .param("name", "销售群")
                            .param("kind", "dingtalk")
                            .param("url", url)
                            .param("secret", SECRET),
                    admin);
            assertThat(created)
                    .contains("The channel \"销售群\" was created.", "DingTalk robot", "/robot/send?***")
                    .doesNotContain(SECRET, "token-4711");
            UUID id = channelNamed("销售群");

            String answer = page(post("/channels/" + id + "/test"), admin);
            assertThat(answer).contains("The test message reached \"销售群\".", "200 {\"errcode\":0,\"errmsg\":\"ok\"}");
            assertThat(robot.received).hasSize(1);
            assertThat(robot.received.get(0).body()).contains("Liaison test message");

            String edit = page(get("/channels/" + id + "/edit"), admin);
            assertThat(edit).doesNotContain(SECRET, "token-4711").contains("Leave empty to keep the stored secret.");
            long version = jdbc.sql("SELECT version FROM channel WHERE id = ?")
                    .param(id)
                    .query(Long.class)
                    .single();
            page(
                    post("/channels/" + id)
                            .param("name", "销售一群")
                            .param("url", "")
                            .param("secret", "")
                            .param("enabled", "true")
                            .param("version", String.valueOf(version)),
                    admin);
            assertThat(page(post("/channels/" + id + "/test"), admin))
                    .as("the empty fields kept the address and the secret")
                    .contains("The test message reached \"销售一群\".");

            page(
                    post("/channels/" + id)
                            .param("name", "销售一群")
                            .param("secret", "SECwrong")
                            .param("enabled", "true")
                            .param("version", String.valueOf(version + 1)),
                    admin);
            assertThat(page(post("/channels/" + id + "/test"), admin))
                    .contains("\"销售一群\" refused the test message.", "sign not match");
        }
    }

    @Test
    void aModulesWebhookShowsNeitherOnTheChannelPagesNorAsAPushChoiceNorInTheDeliveryLog() throws Exception {
        page(
                post("/channels")
                        .param("name", "销售群 webhook")
                        .param("kind", "webhook")
                        .param("url", "https://crm.example.com/visible")
                        .param("secret", StandardWebhooks.newSecret()),
                admin);
        UUID hidden = webhooks.create(
                admin.orgId(),
                "integration",
                "集成 webhook",
                "https://crm.example.com/hidden",
                StandardWebhooks.newSecret());
        transaction.executeWithoutResult(status -> deliveries.queue(
                admin.orgId(),
                Destination.channel(hidden),
                OutboundMessage.of("集成事件", "x"),
                new DeliveryOrigin("integration", null, false),
                null));

        assertThat(text(actors.page(get("/channels"), admin, status().isOk())))
                .contains("销售群 webhook")
                .doesNotContain("集成 webhook");
        actors.page(get("/channels/" + hidden + "/edit"), admin, status().isNotFound());
        assertThat(HtmlUtils.htmlUnescape(actors.page(get("/pushes/new"), admin, status().isOk())))
                .as("the composer's robots")
                .contains("销售群 webhook")
                .doesNotContain("集成 webhook");
        assertThat(text(actors.page(get("/deliveries"), admin, status().isOk())))
                .doesNotContain("集成事件");
        assertThat(channels.shared(admin.orgId()))
                .extracting(ChannelSummary::name)
                .containsExactly("销售群 webhook");
        assertThat(channels.find(admin.orgId(), hidden)).isEmpty();
    }

    @Test
    void aMemberSeesAndAddsOnlyTheirOwnRobots() throws Exception {
        Actor member = actors.newMember(admin, "chan-member", "MEMBER");
        page(
                post("/channels")
                        .param("name", "CRM")
                        .param("kind", "webhook")
                        .param("url", "https://crm.example.com/h")
                        .param("secret", io.liaison.channel.StandardWebhooks.newSecret()),
                admin);

        String mine = actors.page(get("/channels"), member, status().isOk());
        assertThat(text(mine))
                .contains("My robots", "You have no robot of your own.")
                .doesNotContain("The organization's channels", "CRM");
        assertThat(mine)
                .as("a member's robot is DingTalk, WeCom or Feishu")
                .doesNotContain("E-mail</option>", "Webhook</option>");
        assertThat(text(actors.page(get("/channels"), admin, status().isOk())))
                .contains("The organization's channels", "CRM", "E-mail is not configured on this server");

        page(
                post("/channels")
                        .param("personal", "true")
                        .param("name", "我的钉钉")
                        .param("kind", "dingtalk")
                        .param("url", "https://oapi.dingtalk.com/robot/send?access_token=mine"),
                member);
        assertThat(actors.page(get("/channels"), member, status().isOk())).contains("我的钉钉");
        assertThat(actors.page(get("/channels"), admin, status().isOk()))
                .as("another member's robot is theirs alone")
                .doesNotContain("我的钉钉");

        String refused = actors.page(
                post("/channels")
                        .header("HX-Request", "true")
                        .param("personal", "false")
                        .param("name", "Everyone")
                        .param("kind", "wecom")
                        .param("url", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k"),
                member,
                status().isForbidden());
        assertThat(refused).contains("manage the organization");
        actors.page(
                post("/channels/" + channelNamed("CRM") + "/test").header("HX-Request", "true"),
                member,
                status().isForbidden());
    }

    @Test
    void theLogFiltersByStateShowsTheAnswerAndSendsAFailedOneAgain() throws Exception {
        try (RobotReceiver robot = dingTalk()) {
            page(
                    post("/channels")
                            .param("name", "错的密钥")
                            .param("kind", "dingtalk")
                            .param("url", robot.url("/robot/send?access_token=t"))
                            .param("secret", "SECnot-the-one"),
                    admin);
            UUID channel = channelNamed("错的密钥");
            List<UUID> queued = transaction.execute(s -> deliveries.queue(
                    admin.orgId(),
                    Destination.channel(channel),
                    OutboundMessage.of("客户张三的提醒", "请今天联系张三"),
                    new DeliveryOrigin("test", null, true),
                    null));
            UUID id = queued.get(0);
            Drain.now(context);

            String log =
                    text(actors.page(get("/deliveries?channel=" + channel + "&state=failed"), admin, status().isOk()));
            assertThat(log)
                    .contains("客户张三的提醒", "sign not match", "Failed", "1 attempt", "Send again", "错的密钥")
                    .contains("access_token=***")
                    .doesNotContain("SECnot-the-one");
            assertThat(text(actors.page(get("/deliveries?state=sent"), admin, status().isOk())))
                    .contains("No deliveries here.");

            String again = page(post("/deliveries/" + id + "/retry"), admin);
            assertThat(again).contains("客户张三的提醒").doesNotContain("Send again");

            String bad = actors.page(get("/deliveries?state=lost"), admin, status().isBadRequest());
            assertThat(bad).contains("queued, sending, sent, failed, skipped");
        }
    }
}
