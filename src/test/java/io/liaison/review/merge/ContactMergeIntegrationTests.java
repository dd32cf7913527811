package io.liaison.review.merge;

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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Merging two contacts unites everything they have on the survivor; undoing it gives each contact
 * back exactly what it had, as the API and the database show it, and keeps what changed since.
 */
@LiaisonIntegrationTest
class ContactMergeIntegrationTests {

    /** The rows of a contact, by table, as the database holds them. */
    private static final Map<String, String> ROWS = new LinkedHashMap<>();

    static {
        ROWS.put("tags", "SELECT tag_id::text FROM contact_tag WHERE contact_id = ?::uuid ORDER BY 1");
        ROWS.put("emails", "SELECT position, label, address FROM contact_email WHERE contact_id = ?::uuid ORDER BY 1");
        ROWS.put(
                "externalIds",
                "SELECT source, external_id FROM contact_external_id WHERE contact_id = ?::uuid ORDER BY 1");
        ROWS.put(
                "shareMembers",
                "SELECT member_id::text FROM contact_share_member WHERE contact_id = ?::uuid ORDER BY 1");
        ROWS.put(
                "shareDepartments",
                "SELECT department_id::text FROM contact_share_department WHERE contact_id = ?::uuid ORDER BY 1");
        ROWS.put(
                "collaborators",
                "SELECT member_id::text FROM contact_collaborator WHERE contact_id = ?::uuid ORDER BY 1");
        ROWS.put("followUps", "SELECT id::text, content FROM follow_up WHERE contact_id = ?::uuid ORDER BY 1");
        ROWS.put(
                "timeline",
                "SELECT id::text, kind FROM contact_timeline WHERE contact_id = ?::uuid"
                        + " AND kind NOT IN ('merged', 'merge_undone') ORDER BY 1");
        ROWS.put("tasks", "SELECT task_id::text FROM task_contact WHERE contact_id = ?::uuid ORDER BY 1");
        ROWS.put(
                "conversations",
                "SELECT conversation_id::text FROM conversation_contact WHERE contact_id = ?::uuid ORDER BY 1");
        ROWS.put(
                "contact",
                "SELECT name, mobile, phones::text, company, title, remark, owner_id::text, tag_ids::text,"
                        + " trashed_at IS NULL AS live, merged_into::text, last_contacted_at FROM contact WHERE id = ?::uuid");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    Api api;
    Api.Org org;
    Api.Person member;
    String dept;
    String[] tags;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg();
        member = api.newMember(org, "MEMBER");
        dept = api.newDepartment(org, "Sales", null);
        String group = api.createdId(
                json(post("/api/v1/tag-groups"), org.adminToken(), "{\"name\":\"Region\",\"color\":\"#112233\"}"));
        tags = new String[3];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = api.createdId(
                    json(post("/api/v1/tag-groups/" + group + "/tags"), org.adminToken(), "{\"name\":\"T" + i + "\"}"));
        }
    }

    String contact(String body) throws Exception {
        return api.createdId(json(
                post("/api/v1/contacts"), org.adminToken(), body.replaceFirst("\\{", "{\"allowDuplicate\":true,")));
    }

    String contactA() throws Exception {
        String a = contact("""
                {"name":"王芳","mobile":"13800138000","company":"Acme","title":"CEO","tagIds":["%s","%s"],
                 "emails":[{"address":"wf@acme.cn"}],"phones":[{"label":"office","number":"+862150501234"}],
                 "shareUserIds":["%s"],"externalIds":{"crm":"C-1"}}
                """.formatted(tags[0], tags[1], member.id()));
        followUp(a, "A 的报价");
        return a;
    }

    String contactB() throws Exception {
        String b = contact("""
                {"name":"王芳（旧）","mobile":"13900139000","company":"Acme Ltd","remark":"old card","tagIds":["%s"],
                 "emails":[{"address":"wang@old.cn"},{"address":"WF@acme.cn"}],"shareDeptIds":["%s"],
                 "collaboratorIds":["%s"],"externalIds":{"crm":"C-2","erp":"E-9"}}
                """.formatted(tags[2], dept, member.id()));
        followUp(b, "B 的拜访");
        return b;
    }

    void followUp(String contact, String content) throws Exception {
        api.answer(
                json(
                        post("/api/v1/contacts/" + contact + "/follow-ups"),
                        org.adminToken(),
                        "{\"type\":\"call\",\"content\":\"" + content + "\"}"),
                201);
    }

    String linkTaskAndConversation(String contact) throws Exception {
        api.createdId(json(
                post("/api/v1/tasks"), org.adminToken(), "{\"title\":\"回访\",\"contactIds\":[\"" + contact + "\"]}"));
        return api.createdId(json(
                post("/api/v1/conversations"),
                org.adminToken(),
                "{\"kind\":\"external\",\"name\":\"客户群\",\"contactIds\":[\"" + contact + "\"]}"));
    }

    /** What the API and the database show of a contact, without its version and time of change. */
    Map<String, Object> snapshot(String id) throws Exception {
        Map<String, Object> all = new LinkedHashMap<>();
        for (Map.Entry<String, String> table : ROWS.entrySet()) {
            all.put(table.getKey(), jdbc.sql(table.getValue()).param(id).query().listOfRows());
        }
        String body = api.answer(as(get("/api/v1/contacts/" + id), org.adminToken()), 200);
        Map<String, Object> shown = json.readValue(body, new TypeReference<Map<String, Object>>() {});
        shown.remove("version");
        shown.remove("updatedAt");
        all.put("api", shown);
        String followUps = api.answer(as(get("/api/v1/contacts/" + id + "/follow-ups"), org.adminToken()), 200);
        all.put("apiFollowUps", JsonPath.read(followUps, "$.items[*].id"));
        return all;
    }

    String merge(String survivor, String merged, String fields) throws Exception {
        String body = api.answer(
                json(
                        post("/api/v1/contacts/merge"),
                        org.adminToken(),
                        "{\"survivorId\":\"%s\",\"mergedIds\":[\"%s\"],\"fields\":%s}"
                                .formatted(survivor, merged, fields)),
                201);
        return JsonPath.read(body, "$.mergeId");
    }

    @Test
    void aMergeUnitesEverythingAndItsUndoGivesEachContactBackExactlyWhatItHad() throws Exception {
        String a = contactA();
        String b = contactB();
        String conversation = linkTaskAndConversation(b);
        Map<String, Object> beforeA = snapshot(a);
        Map<String, Object> beforeB = snapshot(b);

        String mergeId = merge(a, b, "{\"company\":\"" + b + "\",\"remark\":\"" + b + "\"}");

        String survivor = api.answer(as(get("/api/v1/contacts/" + a), org.adminToken()), 200);
        assertThat((String) JsonPath.read(survivor, "$.name")).isEqualTo("王芳");
        assertThat((String) JsonPath.read(survivor, "$.company")).isEqualTo("Acme Ltd");
        assertThat((String) JsonPath.read(survivor, "$.remark")).isEqualTo("old card");
        assertThat((String) JsonPath.read(survivor, "$.title")).isEqualTo("CEO");
        assertThat((List<String>) JsonPath.read(survivor, "$.tagIds")).containsExactlyInAnyOrder(tags);
        assertThat((List<String>) JsonPath.read(survivor, "$.emails[*].address"))
                .containsExactly("wf@acme.cn", "wang@old.cn");
        assertThat((List<String>) JsonPath.read(survivor, "$.phones[*].number"))
                .containsExactly("+862150501234", "+8613900139000");
        assertThat((Map<String, String>) JsonPath.read(survivor, "$.externalIds"))
                .isEqualTo(Map.of("crm", "C-1", "erp", "E-9"));
        assertThat((List<String>) JsonPath.read(survivor, "$.shareDeptIds")).containsExactly(dept);
        assertThat((List<String>) JsonPath.read(survivor, "$.collaboratorIds")).containsExactly(member.id());
        String followUps = api.answer(as(get("/api/v1/contacts/" + a + "/follow-ups"), org.adminToken()), 200);
        assertThat((List<String>) JsonPath.read(followUps, "$.items[*].content"))
                .containsExactlyInAnyOrder("A 的报价", "B 的拜访");
        assertThat(rows("SELECT count(*) FROM task_contact WHERE contact_id = ?::uuid", a))
                .isOne();
        assertThat(rows(
                        "SELECT count(*) FROM conversation_contact WHERE conversation_id = ?::uuid AND contact_id = ?::uuid",
                        conversation,
                        a))
                .isOne();
        api.answer(as(get("/api/v1/contacts/" + b), org.adminToken()), 404);
        String trash = api.answer(as(get("/api/v1/trash/contacts"), org.adminToken()), 200);
        assertThat(trash).doesNotContain(b);
        String timeline = api.answer(as(get("/api/v1/contacts/" + a + "/timeline"), org.adminToken()), 200);
        assertThat((String) JsonPath.read(timeline, "$.items[0].kind")).isEqualTo("merged");
        assertThat(timeline).contains("王芳（旧）");
        assertThat(rows(
                        "SELECT count(*) FROM integration_change WHERE contact_id = ?::uuid AND type = 'contact.merged'",
                        a))
                .isOne();
        assertThat(rows(
                        "SELECT count(*) FROM integration_change WHERE contact_id = ?::uuid AND type = 'contact.merged'",
                        b))
                .isOne();
        String audit = api.answer(as(get("/api/v1/audit-events?targetId=" + a), org.adminToken()), 200);
        assertThat(audit).contains("contact.merged", "王芳（旧）");
        assertThat(rows("SELECT count(*) FROM audit_event WHERE target_id = ?::uuid AND action = 'contact.updated'", a))
                .isZero();

        String undone = api.answer(as(post("/api/v1/merges/" + mergeId + "/undo"), org.adminToken()), 200);
        assertThat((List<Object>) JsonPath.read(undone, "$.kept")).isEmpty();
        assertThat((Boolean) JsonPath.read(undone, "$.undoable")).isFalse();

        assertThat(snapshot(a)).isEqualTo(beforeA);
        assertThat(snapshot(b)).isEqualTo(beforeB);
        assertThat(rows(
                        "SELECT count(*) FROM integration_change WHERE contact_id = ?::uuid AND type = 'contact.restored'",
                        b))
                .isOne();
        assertThat(rows(
                        "SELECT count(*) FROM audit_event WHERE target_id = ?::uuid AND action = 'contact.merge-undone'",
                        a))
                .isOne();
        String afterUndo = api.answer(as(get("/api/v1/contacts/" + b + "/timeline"), org.adminToken()), 200);
        assertThat((String) JsonPath.read(afterUndo, "$.items[0].kind")).isEqualTo("merge_undone");
        api.answer(as(post("/api/v1/merges/" + mergeId + "/undo"), org.adminToken()), 409);
    }

    @Test
    void whatChangedOnTheSurvivorAfterTheMergeStaysAfterTheUndo() throws Exception {
        String a = contactA();
        String b = contactB();
        Map<String, Object> beforeB = snapshot(b);
        String mergeId = merge(a, b, "{\"company\":\"" + b + "\"}");
        String version = String.valueOf((Integer) JsonPath.read(
                api.answer(as(get("/api/v1/contacts/" + a), org.adminToken()), 200), "$.version"));
        String newTag = tags[2];
        api.answer(
                json(patch("/api/v1/contacts/" + a), org.adminToken(), "{\"title\":\"CTO\",\"company\":\"Acme Group\"}")
                        .header("If-Match", "\"" + version + "\""),
                200);
        followUp(a, "合并后的电话");

        String undone = api.answer(as(post("/api/v1/merges/" + mergeId + "/undo"), org.adminToken()), 200);

        assertThat((List<String>) JsonPath.read(undone, "$.kept[*].field"))
                .containsExactlyInAnyOrder("title", "company");
        assertThat((List<Boolean>) JsonPath.read(undone, "$.kept[?(@.field == 'company')].takenFromMerged"))
                .containsExactly(true);
        String survivor = api.answer(as(get("/api/v1/contacts/" + a), org.adminToken()), 200);
        assertThat((String) JsonPath.read(survivor, "$.title")).isEqualTo("CTO");
        assertThat((String) JsonPath.read(survivor, "$.company")).isEqualTo("Acme Group");
        assertThat((List<String>) JsonPath.read(survivor, "$.tagIds")).containsExactlyInAnyOrder(tags[0], tags[1]);
        assertThat((Map<String, String>) JsonPath.read(survivor, "$.externalIds"))
                .isEqualTo(Map.of("crm", "C-1"));
        String followUps = api.answer(as(get("/api/v1/contacts/" + a + "/follow-ups"), org.adminToken()), 200);
        assertThat((List<String>) JsonPath.read(followUps, "$.items[*].content"))
                .containsExactlyInAnyOrder("A 的报价", "合并后的电话");
        assertThat(snapshot(b)).isEqualTo(beforeB);
        assertThat(newTag).isNotBlank();
    }

    @Test
    void anUndoComesWithinThirtyDaysWhileEveryMergedContactExists() throws Exception {
        String a = contact("{\"name\":\"甲\"}");
        String b = contact("{\"name\":\"乙\"}");
        String mergeId = merge(a, b, "{}");
        jdbc.sql("UPDATE contact_merge SET merged_at = now() - interval '31 days' WHERE id = ?::uuid")
                .param(mergeId)
                .update();
        String late = api.answer(
                as(post("/api/v1/merges/" + mergeId + "/undo"), org.adminToken())
                        .header("Accept-Language", "en"),
                409);
        assertThat(late).contains("within 30 days");
        String listed = api.answer(as(get("/api/v1/merges"), org.adminToken()), 200);
        assertThat((List<Boolean>) JsonPath.read(listed, "$.items[?(@.id == '" + mergeId + "')].undoable"))
                .containsExactly(false);

        String c = contact("{\"name\":\"丙\"}");
        String d = contact("{\"name\":\"丁\"}");
        String second = merge(c, d, "{}");
        jdbc.sql("DELETE FROM contact WHERE id = ?::uuid").param(d).update();
        String purged = api.answer(
                as(post("/api/v1/merges/" + second + "/undo"), org.adminToken()).header("Accept-Language", "zh-CN"),
                409);
        assertThat(purged).contains("已被彻底删除");
    }

    @Test
    void refusalsSayWhyInTheCallersLanguage() throws Exception {
        String a = contact("{\"name\":\"甲\",\"externalIds\":{\"crm\":\"1\"}}");
        String b = contact("{\"name\":\"乙\",\"externalIds\":{\"erp\":\"1\"}}");
        String c = contact("{\"name\":\"丙\",\"externalIds\":{\"erp\":\"2\"}}");
        String body = "{\"survivorId\":\"%s\",\"mergedIds\":[%s]}";
        String twice = api.answer(
                json(post("/api/v1/contacts/merge"), org.adminToken(), body.formatted(a, "\"" + b + "\",\"" + b + "\""))
                        .header("Accept-Language", "en"),
                400);
        assertThat(twice).contains("names a contact twice");
        String self = api.answer(
                json(post("/api/v1/contacts/merge"), org.adminToken(), body.formatted(a, "\"" + a + "\""))
                        .header("Accept-Language", "zh-CN"),
                400);
        assertThat(self).contains("重复指定了同一位联系人");
        String ten = String.join(",", Collections.nCopies(10, "\"" + b + "\""));
        api.answer(json(post("/api/v1/contacts/merge"), org.adminToken(), body.formatted(a, ten)), 400);
        String conflict = api.answer(
                json(post("/api/v1/contacts/merge"), org.adminToken(), body.formatted(a, "\"" + b + "\",\"" + c + "\""))
                        .header("Accept-Language", "en"),
                409);
        assertThat(conflict).contains("different erp ids");

        String mine = api.createdId(json(post("/api/v1/contacts"), member.token(), "{\"name\":\"戊\"}"));
        String unseen = api.answer(
                json(post("/api/v1/contacts/merge"), member.token(), body.formatted(mine, "\"" + a + "\""))
                        .header("Accept-Language", "zh-CN"),
                404);
        assertThat(unseen).contains("联系人不存在");
        String shared = contact("{\"name\":\"己\",\"shareUserIds\":[\"" + member.id() + "\"]}");
        String forbidden = api.answer(
                json(post("/api/v1/contacts/merge"), member.token(), body.formatted(mine, "\"" + shared + "\""))
                        .header("Accept-Language", "en"),
                403);
        assertThat(forbidden).contains("move this contact to the trash");
        api.answer(as(delete("/api/v1/contacts/" + c), org.adminToken()), 204);
        String trashed = api.answer(
                json(post("/api/v1/contacts/merge"), org.adminToken(), body.formatted(a, "\"" + c + "\""))
                        .header("Accept-Language", "en"),
                409);
        assertThat(trashed).contains("in the trash");
    }

    int rows(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }
}
