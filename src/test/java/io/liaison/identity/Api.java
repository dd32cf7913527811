package io.liaison.identity;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Test helpers that drive the REST API as an integration would: organizations, members, tokens. */
public final class Api {

    private static String systemToken;
    private final MockMvc mvc;

    public Api(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** A new organization of its own, with its administrator's token. */
    public record Org(String id, String code, String adminId, String adminLogin, String adminToken) {}

    public record Person(String id, String login, String password, String token) {}

    public static String unique(String prefix) {
        return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String token, String body) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    public static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String token) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    public synchronized String systemAdminToken() throws Exception {
        if (systemToken == null) {
            systemToken = token("default/admin", TestDatabase.ADMIN_PASSWORD);
        }
        return systemToken;
    }

    public String token(String user, String password) throws Exception {
        String body = mvc.perform(post("/api/v1/tokens")
                        .header(HttpHeaders.AUTHORIZATION, basic(user, password))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"test\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.token");
    }

    public Org newOrg() throws Exception {
        return newOrg("zh-CN");
    }

    /** A new organization in {@code locale} (zh-CN or en), which decides its default tag groups. */
    public Org newOrg(String locale) throws Exception {
        String login = unique("boss");
        String password = "correct horse battery";
        String body = mvc.perform(json(
                        post("/api/v1/orgs"),
                        systemAdminToken(),
                        "{\"name\":\"" + unique("Org") + "\",\"locale\":\"" + locale + "\",\"adminLogin\":\"" + login
                                + "\",\"adminPassword\":\"" + password + "\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String code = JsonPath.read(body, "$.code");
        return new Org(
                JsonPath.read(body, "$.id"),
                code,
                JsonPath.read(body, "$.admin.id"),
                login,
                token(code + "/" + login, password));
    }

    public Person newMember(Org org, String role, String... departmentIds) throws Exception {
        String login = unique("m");
        String password = "member password 1";
        String depts = departmentIds.length == 0 ? "" : "\"" + String.join("\",\"", departmentIds) + "\"";
        String body = mvc.perform(json(
                        post("/api/v1/members"),
                        org.adminToken(),
                        "{\"login\":\"" + login + "\",\"displayName\":\"Member " + login + "\",\"role\":\""
                                + role + "\",\"password\":\"" + password + "\",\"departmentIds\":[" + depts
                                + "]}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return new Person(JsonPath.read(body, "$.id"), login, password, token(org.code() + "/" + login, password));
    }

    public String newDepartment(Org org, String name, String parentId) throws Exception {
        String parent = parentId == null ? "null" : "\"" + parentId + "\"";
        String body = mvc.perform(json(
                        post("/api/v1/departments"),
                        org.adminToken(),
                        "{\"name\":\"" + name + "\",\"parentId\":" + parent + "}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    /** A custom role; returns its id, which {@link #newMember} takes as the role. */
    public String newRole(Org org, String name, String dataScope, String... permissions) throws Exception {
        String perms = permissions.length == 0 ? "" : "\"" + String.join("\",\"", permissions) + "\"";
        String body = mvc.perform(json(
                        post("/api/v1/roles"),
                        org.adminToken(),
                        "{\"name\":\"" + name + "\",\"dataScope\":\"" + dataScope + "\",\"permissions\":[" + perms
                                + "]}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    /** The answer's body, after checking its status (the body names what went wrong when it differs). */
    public String answer(MockHttpServletRequestBuilder request, int expected) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        org.assertj.core.api.Assertions.assertThat(response.getStatus())
                .as(response.getContentAsString())
                .isEqualTo(expected);
        return response.getContentAsString();
    }

    /** The id of what a request that must answer 201 created. */
    public String createdId(MockHttpServletRequestBuilder request) throws Exception {
        return JsonPath.read(answer(request, 201), "$.id");
    }
}
