package io.liaison.identity;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.basic;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@LiaisonIntegrationTest
class TokenApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Api.Org org;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg();
    }

    @Test
    void theSecretIsShownOnceAndStoredOnlyAsAHash() throws Exception {
        String body = mvc.perform(json(
                        post("/api/v1/tokens"),
                        org.adminToken(),
                        "{\"name\":\"CRM sync\",\"expiresAt\":\""
                                + OffsetDateTime.now().plusDays(30) + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.token", startsWith("lia_")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String secret = JsonPath.read(body, "$.token");
        String id = JsonPath.read(body, "$.id");

        String list = mvc.perform(as(get("/api/v1/tokens"), secret))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].name", hasItem("CRM sync")))
                .andExpect(
                        jsonPath("$.items[?(@.id == '" + id + "')].lastUsedAt").isNotEmpty())
                .andExpect(
                        jsonPath("$.items[?(@.id == '" + id + "')].expiresAt").isNotEmpty())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).doesNotContain(secret);
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE token_hash = ? OR hint = ?")
                        .params(secret, secret)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aRevokedTokenStopsWorkingAtOnce() throws Exception {
        String body = mvc.perform(json(post("/api/v1/tokens"), org.adminToken(), "{\"name\":\"temp\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String secret = JsonPath.read(body, "$.token");
        mvc.perform(as(get("/api/v1/me"), secret)).andExpect(status().isOk());

        mvc.perform(as(delete("/api/v1/tokens/" + JsonPath.read(body, "$.id")), org.adminToken()))
                .andExpect(status().isNoContent());
        mvc.perform(as(get("/api/v1/me"), secret))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("/problems/invalid-token"));
    }

    @Test
    void anExpiredTokenIsRefusedAndAnExpiryInThePastIsInvalid() throws Exception {
        mvc.perform(json(
                        post("/api/v1/tokens"),
                        org.adminToken(),
                        "{\"name\":\"old\",\"expiresAt\":\"2020-01-01T00:00:00+08:00\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expiresAt"));

        String body = mvc.perform(json(post("/api/v1/tokens"), org.adminToken(), "{\"name\":\"short-lived\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        jdbc.sql("UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = ?::uuid")
                .param((String) JsonPath.read(body, "$.id"))
                .update();
        mvc.perform(as(get("/api/v1/me"), JsonPath.read(body, "$.token"))).andExpect(status().isUnauthorized());
    }

    @Test
    void nobodySeesOrRevokesAnotherMembersTokens() throws Exception {
        Api.Person member = api.newMember(org, "MEMBER");
        String adminTokens = mvc.perform(as(get("/api/v1/tokens"), org.adminToken()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String adminTokenId = JsonPath.read(adminTokens, "$.items[0].id");

        mvc.perform(as(get("/api/v1/tokens"), member.token()))
                .andExpect(jsonPath("$.items[*].id", not(hasItem(adminTokenId))));
        mvc.perform(as(delete("/api/v1/tokens/" + adminTokenId), member.token()))
                .andExpect(status().isNotFound());
        mvc.perform(as(get("/api/v1/me"), org.adminToken())).andExpect(status().isOk());
    }

    @Test
    void deactivationEndsTokensAndSessionsAtOnce() throws Exception {
        Api.Person member = api.newMember(org, "MEMBER");
        Cookie session = mvc.perform(post("/login")
                        .with(csrf())
                        .param("organization", org.code())
                        .param("username", member.login())
                        .param("password", member.password()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?")
                        .param(member.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        mvc.perform(as(post("/api/v1/members/" + member.id() + "/deactivate"), org.adminToken()))
                .andExpect(status().isOk());

        mvc.perform(as(get("/api/v1/me"), member.token())).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/tokens")
                        .header(HttpHeaders.AUTHORIZATION, basic(org.code() + "/" + member.login(), member.password()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"again\"}")
                        .with(r -> {
                            r.setRemoteAddr("10.9.0.1");
                            return r;
                        }))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/").cookie(session)).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?")
                        .param(member.id())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void basicIsAcceptedOnlyToCreateAToken() throws Exception {
        Api.Person member = api.newMember(org, "MEMBER");
        mvc.perform(get("/api/v1/me")
                        .header(HttpHeaders.AUTHORIZATION, basic(org.code() + "/" + member.login(), member.password())))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("/problems/basic-not-accepted"));
        mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized());
        mvc.perform(as(get("/api/v1/me"), "lia_not-a-real-token"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }
}
