package io.liaison.integration.webhook;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The webhook API's rules as an integrator meets them: bad fields named in the caller's language,
 * at most 20 endpoints, full details only for someone who may reveal contacts and then audited, a
 * stale version refused.
 */
@LiaisonIntegrationTest
class WebhookApiIntegrationTests {

    private static final String BODY =
            "{\"url\":\"https://crm.example.com/hook\",\"eventTypes\":[\"contact.created\"]}";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void badFieldsAreNamedInTheCallersLanguage() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        String url = api.answer(
                json(post("/api/v1/webhooks"), org.adminToken(), BODY.replace("https://crm", "ftp://crm"))
                        .header("Accept-Language", "zh-CN"),
                400);
        assertThat(url).contains("须为 http 或 https 地址");
        String type = api.answer(
                json(post("/api/v1/webhooks"), org.adminToken(), BODY.replace("contact.created", "contact.exploded"))
                        .header("Accept-Language", "en"),
                400);
        assertThat(type).contains("Changes: must be one of contact.created");
        String none = api.answer(
                json(post("/api/v1/webhooks"), org.adminToken(), "{\"url\":\"https://crm.example.com/hook\"}")
                        .header("Accept-Language", "en"),
                400);
        assertThat(none).contains("Changes: is required");
    }

    @Test
    void anOrganizationHasAtMostTwentyEndpoints() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        for (int i = 0; i < 20; i++) {
            api.answer(json(post("/api/v1/webhooks"), org.adminToken(), BODY), 201);
        }
        String refused = api.answer(json(post("/api/v1/webhooks"), org.adminToken(), BODY), 422);
        assertThat(refused).contains("at most 20 webhooks");
        String page = api.answer(as(get("/api/v1/webhooks?limit=15"), org.adminToken()), 200);
        assertThat(JsonPath.<List<String>>read(page, "$.items[*].id")).hasSize(15);
        assertThat(JsonPath.<List<String>>read(page, "$.items[*].secret")).containsOnlyNulls();
        String rest = api.answer(
                as(get("/api/v1/webhooks?limit=15&cursor=" + JsonPath.read(page, "$.nextCursor")), org.adminToken()),
                200);
        assertThat(JsonPath.<List<String>>read(rest, "$.items[*].id")).hasSize(5);
    }

    @Test
    void fullDetailsNeedTheRevealPermissionAndGrantingThemIsAudited() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        String role = api.newRole(org, "集成", "ALL", "integration.manage");
        Api.Person integrator = api.newMember(org, role);
        String id = JsonPath.read(api.answer(json(post("/api/v1/webhooks"), integrator.token(), BODY), 201), "$.id");

        String refused =
                api.answer(json(patch("/api/v1/webhooks/" + id), integrator.token(), "{\"fullDetails\":true}"), 403);
        assertThat(refused).contains("reveal contacts");
        api.answer(
                json(post("/api/v1/webhooks"), integrator.token(), BODY.replace("{", "{\"fullDetails\":true,")), 403);

        api.answer(
                json(patch("/api/v1/webhooks/" + id), org.adminToken(), "{\"fullDetails\":true}")
                        .header("If-Match", "\"0\""),
                200);
        api.answer(
                json(patch("/api/v1/webhooks/" + id), org.adminToken(), "{\"description\":\"stale\"}")
                        .header("If-Match", "\"0\""),
                412);
        assertThat(jdbc.sql("SELECT action || ' ' || actor_id FROM audit_event WHERE org_id = ?::uuid"
                                + " AND target_id = ?::uuid")
                        .params(org.id(), id)
                        .query(String.class)
                        .list())
                .containsExactly("webhook.full-details-granted " + org.adminId());
    }
}
