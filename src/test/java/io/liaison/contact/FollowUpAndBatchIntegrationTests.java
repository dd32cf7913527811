package io.liaison.contact;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@LiaisonIntegrationTest
class FollowUpAndBatchIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Api.Org acme;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        acme = api.newOrg();
    }

    String create(String token, String body) throws Exception {
        return JsonPath.read(
                mvc.perform(json(post("/api/v1/contacts"), token, body))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    @Test
    void followUpsAreRecordedByAnyoneWhoSeesTheContactAndChangedOnlyByTheirAuthor() throws Exception {
        Api.Person member = api.newMember(acme, "MEMBER");
        String id = create(acme.adminToken(), "{\"name\":\"孙八\",\"shareUserIds\":[\"" + member.id() + "\"]}");
        String url = "/api/v1/contacts/" + id + "/follow-ups";

        String mine = JsonPath.read(
                mvc.perform(
                                json(
                                        post(url),
                                        member.token(),
                                        "{\"type\":\"call\",\"content\":\"谈了报价\",\"occurredAt\":\"2026-11-20T10:00:00+08:00\"}"))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.authorId").value(member.id()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        mvc.perform(json(post(url), acme.adminToken(), "{\"type\":\"visit\",\"content\":\"Visited the plant\"}"))
                .andExpect(status().isCreated());
        mvc.perform(json(post(url), acme.adminToken(), "{\"type\":\"fax\",\"content\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("type", "content")));

        mvc.perform(as(get(url), member.token()))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].type").value("visit"))
                .andExpect(jsonPath("$.items[1].content").value("谈了报价"));
        mvc.perform(as(get("/api/v1/contacts/" + id), member.token()))
                .andExpect(jsonPath("$.lastContactedAt").isNotEmpty());

        mvc.perform(json(patch(url + "/" + mine), acme.adminToken(), "{\"content\":\"not mine\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(json(patch(url + "/" + mine), member.token(), "{\"content\":\"谈了报价和交期\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content").value("谈了报价和交期"));
        mvc.perform(as(delete(url + "/" + mine), member.token())).andExpect(status().isNoContent());
        mvc.perform(as(get(url), member.token()))
                .andExpect(jsonPath("$.items.length()").value(1));
        mvc.perform(as(get("/api/v1/contacts/" + id + "/timeline"), acme.adminToken()))
                .andExpect(jsonPath("$.items[0].kind").value("follow_up"))
                .andExpect(jsonPath("$.items[0].data.type").value("visit"))
                .andExpect(jsonPath("$.items[1].data.followUpId").value(mine));

        String hidden = create(acme.adminToken(), "{\"name\":\"Hidden\"}");
        mvc.perform(json(
                        post("/api/v1/contacts/" + hidden + "/follow-ups"),
                        member.token(),
                        "{\"type\":\"note\",\"content\":\"x\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aBatchAnswersPerContactAndAppliesInOneTransaction() throws Exception {
        Api.Person member = api.newMember(acme, "MEMBER");
        Api.Person colleague = api.newMember(acme, "MEMBER");
        String own = create(member.token(), "{\"name\":\"Own\"}");
        String shared = create(acme.adminToken(), "{\"name\":\"Shared\",\"shareUserIds\":[\"" + member.id() + "\"]}");
        String hidden = create(acme.adminToken(), "{\"name\":\"Hidden\"}");
        String body = "{\"action\":\"assign\",\"ownerId\":\"" + colleague.id() + "\",\"contactIds\":[\"" + own + "\",\""
                + shared + "\",\"" + hidden + "\"]}";

        String answer = mvc.perform(json(post("/api/v1/contacts/batch"), member.token(), body))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> results = JsonPath.read(answer, "$.results");
        assertThat(results).extracting(r -> r.get("status")).containsExactly("ok", "forbidden", "not_found");
        mvc.perform(as(get("/api/v1/contacts/" + own), colleague.token()))
                .andExpect(jsonPath("$.ownerId").value(colleague.id()));

        mvc.perform(json(
                        post("/api/v1/contacts/batch"),
                        acme.adminToken(),
                        "{\"action\":\"delete\",\"contactIds\":[\"" + shared + "\",\"" + hidden + "\"]}"))
                .andExpect(jsonPath("$.results[*].status")
                        .value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("ok"))));
        mvc.perform(as(get("/api/v1/trash/contacts"), acme.adminToken()))
                .andExpect(jsonPath("$.items.length()").value(2));
        mvc.perform(json(
                        post("/api/v1/contacts/batch"),
                        acme.adminToken(),
                        "{\"action\":\"restore\",\"contactIds\":[\"" + shared + "\"]}"))
                .andExpect(jsonPath("$.results[0].status").value("ok"));
        mvc.perform(json(
                        post("/api/v1/contacts/batch"),
                        acme.adminToken(),
                        "{\"action\":\"explode\",\"contactIds\":[\"" + own + "\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("action"));
        mvc.perform(json(
                        post("/api/v1/contacts/batch"),
                        acme.adminToken(),
                        "{\"action\":\"share\",\"shareDeptIds\":[\"0190a5d2-0000-7000-8000-000000000000\"],\"contactIds\":[\""
                                + shared + "\"]}"))
                .andExpect(jsonPath("$.results[0].status").value("invalid"))
                .andExpect(jsonPath("$.results[0].message")
                        .value(org.hamcrest.Matchers.containsString("Shared with departments: names a department")));
        assertThat(jdbc.sql("SELECT count(*) FROM contact_share_department WHERE contact_id = ?::uuid")
                        .param(shared)
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
