package io.liaison.contact.search;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.identity.Api;
import java.util.List;
import java.util.Map;

/** The API calls of the search tests: contacts added, followed up, and searched, counted, suggested. */
record SearchRequests(Api api, Api.Org org) {

    String add(String body) throws Exception {
        return add(org.adminToken(), body);
    }

    String add(String token, String body) throws Exception {
        return api.createdId(json(post("/api/v1/contacts"), token, body));
    }

    void followUp(String id) throws Exception {
        api.answer(
                json(
                        post("/api/v1/contacts/" + id + "/follow-ups"),
                        org.adminToken(),
                        "{\"type\":\"call\",\"content\":\"回访\",\"occurredAt\":\"2026-11-20T10:00:00+08:00\"}"),
                201);
    }

    String idOf(String name) throws Exception {
        List<String> ids = JsonPath.read(
                api.answer(as(get("/api/v1/contacts").param("q", name), org.adminToken()), 200), "$.items[*].id");
        return ids.get(0);
    }

    List<String> names(String q) throws Exception {
        return names(org.adminToken(), q);
    }

    List<String> names(String token, String q) throws Exception {
        return JsonPath.read(api.answer(as(get("/api/v1/contacts").param("q", q), token), 200), "$.items[*].name");
    }

    List<String> namesWith(String q, String param, String value) throws Exception {
        return JsonPath.read(
                api.answer(as(get("/api/v1/contacts").param("q", q).param(param, value), org.adminToken()), 200),
                "$.items[*].name");
    }

    int count(String q) throws Exception {
        return count(org.adminToken(), q);
    }

    int count(String token, String q) throws Exception {
        return JsonPath.read(api.answer(as(get("/api/v1/contacts/count").param("q", q), token), 200), "$.count");
    }

    int count(String token, String q, String param, String value) throws Exception {
        return JsonPath.read(
                api.answer(as(get("/api/v1/contacts/count").param("q", q).param(param, value), token), 200), "$.count");
    }

    List<Map<String, Object>> suggested(String token, String q) throws Exception {
        return JsonPath.read(api.answer(as(get("/api/v1/contacts/suggest").param("q", q), token), 200), "$.items");
    }
}
