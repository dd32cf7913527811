package io.liaison.contact;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Drives the REST API as an integration would, for this module's tests: organizations of their own,
 * members, and contacts inserted straight into the database (the contact API is not this module's).
 */
public final class TestOrgs {

    private static String systemToken;
    private final MockMvc mvc;

    public TestOrgs(MockMvc mvc) {
        this.mvc = mvc;
    }

    public record Org(UUID id, String code, UUID adminId, String adminToken) {}

    public record Person(UUID id, String token) {}

    public static String unique(String prefix) {
        return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    public static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String token, String body) {
        return as(request, token).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    public static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String token) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    public Org newOrg(String locale) throws Exception {
        String login = unique("boss");
        String password = "correct horse battery";
        String body = body(json(
                post("/api/v1/orgs"),
                systemAdminToken(),
                "{\"name\":\"" + unique("Org") + "\",\"locale\":\"" + locale + "\",\"adminLogin\":\"" + login
                        + "\",\"adminPassword\":\"" + password + "\"}"));
        String code = JsonPath.read(body, "$.code");
        return new Org(
                UUID.fromString(JsonPath.read(body, "$.id")),
                code,
                UUID.fromString(JsonPath.read(body, "$.admin.id")),
                token(code + "/" + login, password));
    }

    public Person newMember(Org org, String role) throws Exception {
        String login = unique("m");
        String password = "member password 1";
        String body = body(json(
                post("/api/v1/members"),
                org.adminToken(),
                "{\"login\":\"" + login + "\",\"displayName\":\"Member " + login + "\",\"role\":\"" + role
                        + "\",\"password\":\"" + password + "\"}"));
        return new Person(UUID.fromString(JsonPath.read(body, "$.id")), token(org.code() + "/" + login, password));
    }

    /** A contact row as the contact module would store it, followed by {@code org}'s administrator. */
    public static UUID insertContact(JdbcClient jdbc, Org org, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO contact (id, org_id, name, owner_id, created_by) VALUES (?, ?, ?, ?, ?)")
                .params(id, org.id(), name, org.adminId(), org.adminId())
                .update();
        return id;
    }

    public static void tag(JdbcClient jdbc, Org org, UUID contactId, UUID... tagIds) {
        for (UUID tagId : tagIds) {
            jdbc.sql("INSERT INTO contact_tag (org_id, contact_id, tag_id) VALUES (?, ?, ?)")
                    .params(org.id(), contactId, tagId)
                    .update();
        }
    }

    private synchronized String systemAdminToken() throws Exception {
        if (systemToken == null) {
            systemToken = token("default/admin", TestDatabase.ADMIN_PASSWORD);
        }
        return systemToken;
    }

    private String token(String user, String password) throws Exception {
        String basic =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        String body = body(post("/api/v1/tokens")
                .header(HttpHeaders.AUTHORIZATION, basic)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"test\"}"));
        return JsonPath.read(body, "$.token");
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
