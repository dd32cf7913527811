package io.liaison.contact;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The orders of the contact list over the API, and paging through them while contacts change. */
@LiaisonIntegrationTest
class ContactListOrderIntegrationTests {

    @Autowired
    MockMvc mvc;

    Api api;
    Api.Org org;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg();
    }

    @Test
    void namesSortInPinyinOrderWithLatinNamesAmongThem() throws Exception {
        for (String name : List.of("张三", "曾国藩", "Zoe", "李四", "王五", "安娜", "Bob", "陈晨", "白雪", "alice")) {
            add(org.adminToken(), "{\"name\":\"" + name + "\"}");
        }
        List<String> expected = List.of("alice", "安娜", "白雪", "Bob", "陈晨", "李四", "王五", "曾国藩", "张三", "Zoe");

        assertThat(names(pages(org.adminToken(), "name", 3))).isEqualTo(expected);
        List<String> reversed = new ArrayList<>(expected);
        java.util.Collections.reverse(reversed);
        assertThat(names(pages(org.adminToken(), "-name", 4))).isEqualTo(reversed);
    }

    @Test
    void aMemberSeesTheirOwnAndSharedContactsInOneOrder() throws Exception {
        Api.Person member = api.newMember(org, "MEMBER");
        add(member.token(), "{\"name\":\"王五\"}");
        add(member.token(), "{\"name\":\"安娜\"}");
        add(org.adminToken(), "{\"name\":\"陈晨\",\"shareUserIds\":[\"" + member.id() + "\"]}");
        add(org.adminToken(), "{\"name\":\"白雪\",\"collaboratorIds\":[\"" + member.id() + "\"]}");
        add(org.adminToken(), "{\"name\":\"李四\"}");

        assertThat(names(pages(member.token(), "name", 2))).containsExactly("安娜", "白雪", "陈晨", "王五");
        assertThat(names(pages(member.token(), "-createdAt", 3))).containsExactly("白雪", "陈晨", "安娜", "王五");
    }

    /**
     * However contacts are added, renamed or contacted between two pages, every contact that did not
     * move comes exactly once, in order, in every order the list offers.
     */
    @Test
    void pagingThroughAnOrderNeitherRepeatsNorSkipsAContactWhileOthersChange() throws Exception {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String name : List.of("安娜", "白雪", "陈晨", "丁一", "李四", "王五", "张三", "Bob")) {
            ids.put(name, add(org.adminToken(), "{\"name\":\"" + name + "\"}"));
        }
        contacted(ids.get("丁一"), "2026-11-01T10:00:00Z");
        contacted(ids.get("李四"), "2026-11-02T10:00:00Z");
        for (String sort : List.of("name", "-name", "createdAt", "-createdAt", "lastContactedAt", "-lastContactedAt")) {
            List<Map<String, Object>> before = pages(org.adminToken(), sort, 100);
            List<Map<String, Object>> seen = new ArrayList<>();
            String body = page(org.adminToken(), sort, 3, null);
            seen.addAll(JsonPath.read(body, "$.items"));
            // Between the pages: a new contact, a rename and a follow-up, each of which moves only itself.
            String added = add(org.adminToken(), "{\"name\":\"阿" + sort + "\"}");
            String renamed = ids.get("王五");
            api.answer(json(patch("/api/v1/contacts/" + renamed), org.adminToken(), "{\"name\":\"王五五\"}"), 200);
            contacted(ids.get("陈晨"), "2026-11-03T10:00:00Z");
            String cursor = JsonPath.read(body, "$.nextCursor");
            while (cursor != null) {
                body = page(org.adminToken(), sort, 3, cursor);
                seen.addAll(JsonPath.read(body, "$.items"));
                cursor = JsonPath.read(body, "$.nextCursor");
            }
            List<Object> moved = List.of(added, renamed, ids.get("陈晨"));
            assertThat(ids(seen).stream().filter(id -> !moved.contains(id)).toList())
                    .as(sort)
                    .isEqualTo(ids(before).stream()
                            .filter(id -> !moved.contains(id))
                            .toList());
            api.answer(json(patch("/api/v1/contacts/" + renamed), org.adminToken(), "{\"name\":\"王五\"}"), 200);
        }
    }

    private String add(String token, String body) throws Exception {
        return JsonPath.read(api.answer(json(post("/api/v1/contacts"), token, body), 201), "$.id");
    }

    private void contacted(String id, String at) throws Exception {
        api.answer(
                json(
                        post("/api/v1/contacts/" + id + "/follow-ups"),
                        org.adminToken(),
                        "{\"type\":\"call\",\"content\":\"电话\",\"occurredAt\":\"" + at + "\"}"),
                201);
    }

    private String page(String token, String sort, int limit, String cursor) throws Exception {
        var request = get("/api/v1/contacts").param("sort", sort).param("limit", String.valueOf(limit));
        if (cursor != null) {
            request.param("cursor", cursor);
        }
        return api.answer(as(request, token), 200);
    }

    /** Every page of the list in {@code sort} order, {@code limit} at a time. */
    private List<Map<String, Object>> pages(String token, String sort, int limit) throws Exception {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            String body = page(token, sort, limit, cursor);
            all.addAll(JsonPath.read(body, "$.items"));
            cursor = JsonPath.read(body, "$.nextCursor");
        } while (cursor != null);
        return all;
    }

    private static List<Object> names(List<Map<String, Object>> contacts) {
        return contacts.stream().map(c -> c.get("name")).toList();
    }

    private static List<Object> ids(List<Map<String, Object>> contacts) {
        return contacts.stream().map(c -> c.get("id")).toList();
    }
}
