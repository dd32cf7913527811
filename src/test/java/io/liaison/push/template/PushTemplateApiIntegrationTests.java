package io.liaison.push.template;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@LiaisonIntegrationTest
class PushTemplateApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    static String body(String name, String subject, String text) {
        return "{\"name\":\"" + name + "\",\"subject\":\"" + subject + "\",\"body\":\"" + text + "\"}";
    }

    @Test
    void aManagerKeepsTemplatesNamedOncePerOrganization() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person manager = api.newMember(org, "MANAGER");
        String created = api.answer(
                json(
                        post("/api/v1/push-templates"),
                        manager.token(),
                        body("新品发布", "{{name|朋友}}，新品", "你好 {{ company }}")),
                201);
        String id = JsonPath.read(created, "$.id");
        assertThat((String) JsonPath.read(created, "$.createdBy.name")).startsWith("Member ");
        assertThat((String) JsonPath.read(created, "$.subject")).isEqualTo("{{name|朋友}}，新品");

        String taken = api.answer(json(post("/api/v1/push-templates"), org.adminToken(), body("新品发布", "x", "y")), 409);
        assertThat(taken).contains("新品发布");
        api.answer(json(post("/api/v1/push-templates"), org.adminToken(), body("Offer", "x", "y")), 201);
        api.answer(json(post("/api/v1/push-templates"), org.adminToken(), body("offer", "x", "y")), 409);

        api.answer(
                json(patch("/api/v1/push-templates/" + id), manager.token(), "{\"body\":\"再见 {{title}}\"}")
                        .header("If-Match", "\"0\""),
                200);
        api.answer(
                json(patch("/api/v1/push-templates/" + id), manager.token(), "{\"name\":\"旧的\"}")
                        .header("If-Match", "\"0\""),
                412);
        String read = api.answer(as(get("/api/v1/push-templates/" + id), manager.token()), 200);
        assertThat((String) JsonPath.read(read, "$.body")).isEqualTo("再见 {{title}}");

        api.answer(as(delete("/api/v1/push-templates/" + id), manager.token()).header("If-Match", "\"1\""), 204);
        api.answer(as(get("/api/v1/push-templates/" + id), manager.token()), 404);
    }

    @Test
    void anUnknownVariableIsNamedInTheCallersLanguage() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        String english = api.answer(
                json(post("/api/v1/push-templates"), org.adminToken(), body("A", "Hi", "Dear {{nickname}}"))
                        .header("Accept-Language", "en"),
                400);
        assertThat(english)
                .contains("{{nickname}}")
                .contains("is not a variable")
                .contains("unknown-template-variable");
        String chinese = api.answer(
                json(post("/api/v1/push-templates"), org.adminToken(), body("A", "{{field.region}}", "x"))
                        .header("Accept-Language", "zh-CN"),
                400);
        assertThat(chinese).contains("{{field.region}}").contains("不是可用的变量").contains("\"field\":\"subject\"");
    }

    @Test
    void theListIsNewestFirstPagedAndFilteredByName() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        for (String name : List.of("春节问候", "中秋问候", "新品 50%_off", "周年庆")) {
            api.answer(json(post("/api/v1/push-templates"), org.adminToken(), body(name, "s", "b")), 201);
        }
        String first = api.answer(as(get("/api/v1/push-templates?limit=3"), org.adminToken()), 200);
        assertThat((List<String>) JsonPath.read(first, "$.items[*].name")).containsExactly("周年庆", "新品 50%_off", "中秋问候");
        String cursor = JsonPath.read(first, "$.nextCursor");
        String second = api.answer(as(get("/api/v1/push-templates?limit=3&cursor=" + cursor), org.adminToken()), 200);
        assertThat((List<String>) JsonPath.read(second, "$.items[*].name")).containsExactly("春节问候");

        String found = api.answer(as(get("/api/v1/push-templates").param("q", "问候"), org.adminToken()), 200);
        assertThat((List<String>) JsonPath.read(found, "$.items[*].name")).containsExactly("中秋问候", "春节问候");
        String literal = api.answer(as(get("/api/v1/push-templates").param("q", "%_"), org.adminToken()), 200);
        assertThat((List<String>) JsonPath.read(literal, "$.items[*].name")).containsExactly("新品 50%_off");
    }

    @Test
    void withoutPushSendNothingIsShownAndAnotherOrganizationsTemplateIsNotFound() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Org other = api.newOrg();
        Api.Person member = api.newMember(org, "MEMBER");
        String id = api.createdId(json(post("/api/v1/push-templates"), org.adminToken(), body("A", "s", "b")));

        api.answer(as(get("/api/v1/push-templates"), member.token()), 403);
        api.answer(as(get("/api/v1/push-templates/" + id), member.token()), 403);
        api.answer(json(post("/api/v1/push-templates"), member.token(), body("B", "s", "b")), 403);
        api.answer(as(get("/api/v1/push-templates/" + id), other.adminToken()), 404);
        api.answer(json(patch("/api/v1/push-templates/" + id), other.adminToken(), "{\"name\":\"X\"}"), 404);
        api.answer(as(delete("/api/v1/push-templates/" + id), other.adminToken()), 404);
    }
}
