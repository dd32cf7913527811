package io.liaison.channel.api;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.channel.StandardWebhooks;
import io.liaison.channel.WebhookChannels;
import io.liaison.identity.Api;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@LiaisonIntegrationTest
class ChannelApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebhookChannels webhooks;

    @Test
    void aModulesWebhookIsNeitherListedNorReadNorChangedThroughTheChannelApi() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        UUID hidden = webhooks.create(
                UUID.fromString(org.id()),
                "integration",
                "集成 webhook",
                "https://crm.example.com/hidden",
                StandardWebhooks.newSecret());
        api.answer(
                json(
                        post("/api/v1/channels"),
                        org.adminToken(),
                        "{\"name\":\"CRM\",\"kind\":\"webhook\",\"url\":\"https://crm.example.com/hook\","
                                + "\"secret\":\"" + StandardWebhooks.newSecret() + "\"}"),
                201);

        String list = api.answer(as(get("/api/v1/channels"), org.adminToken()), 200);
        assertThat(list).contains("\"CRM\"").doesNotContain(hidden.toString(), "集成");
        api.answer(as(get("/api/v1/channels/" + hidden), org.adminToken()), 404);
        api.answer(
                json(patch("/api/v1/channels/" + hidden), org.adminToken(), "{\"enabled\":false}")
                        .header("If-Match", "\"0\""),
                404);
    }

    @Test
    void theSecretIsStoredEncryptedAndNeverReturnedNorTheUrlsKey() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        String secret = StandardWebhooks.newSecret();
        String created = api.answer(
                json(
                        post("/api/v1/channels"),
                        org.adminToken(),
                        "{\"name\":\"CRM\",\"kind\":\"webhook\",\"url\":\"https://crm.example.com/hook?key=k123\","
                                + "\"secret\":\"" + secret + "\"}"),
                201);
        String id = JsonPath.read(created, "$.id");
        String read = api.answer(as(get("/api/v1/channels/" + id), org.adminToken()), 200);
        String list = api.answer(as(get("/api/v1/channels"), org.adminToken()), 200);

        for (String answer : new String[] {created, read, list}) {
            assertThat(answer).doesNotContain(secret).doesNotContain("k123").contains("\"hasSecret\":true");
        }
        String stored = jdbc.sql("SELECT secret FROM channel WHERE id = ?::uuid")
                .param(id)
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain(secret.substring(6, 20));
    }

    @Test
    void badFieldsAreNamedInTheCallersLanguage() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        String answer = api.answer(
                json(
                                post("/api/v1/channels"),
                                org.adminToken(),
                                "{\"name\":\"CRM\",\"kind\":\"webhook\",\"url\":\"ftp://x\",\"secret\":\"plain\"}")
                        .header("Accept-Language", "zh-CN"),
                400);
        assertThat(answer).contains("http 或 https URL");

        String personal = api.answer(
                json(
                        post("/api/v1/channels"),
                        org.adminToken(),
                        "{\"name\":\"我的\",\"kind\":\"webhook\",\"url\":\"https://x.example.com\",\"personal\":true}"),
                400);
        assertThat(personal).contains("Kind: must be dingtalk, wecom or feishu for a personal robot");
    }

    @Test
    void aMemberManagesOnlyTheirOwnRobotAndAStaleVersionIsRefused() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person member = api.newMember(org, "MEMBER");
        String body = "{\"name\":\"我的机器人\",\"kind\":\"dingtalk\",\"url\":\"https://oapi.dingtalk.com/robot/send"
                + "?access_token=t\",\"secret\":\"SEC1\",\"personal\":true}";
        String id = JsonPath.read(api.answer(json(post("/api/v1/channels"), member.token(), body), 201), "$.id");

        api.answer(json(post("/api/v1/channels"), member.token(), body.replace("true", "false")), 403);
        api.answer(
                json(patch("/api/v1/channels/" + id), member.token(), "{\"enabled\":false}")
                        .header("If-Match", "\"0\""),
                200);
        api.answer(
                json(patch("/api/v1/channels/" + id), member.token(), "{\"enabled\":true}")
                        .header("If-Match", "\"0\""),
                412);
        api.answer(as(get("/api/v1/channels/" + id), org.adminToken()), 404);
        api.answer(as(get("/api/v1/channels/" + UUID.randomUUID()), member.token()), 404);
    }
}
