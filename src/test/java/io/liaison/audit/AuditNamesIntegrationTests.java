package io.liaison.audit;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Actor;
import io.liaison.identity.Api;
import io.liaison.identity.MemberService;
import io.liaison.identity.internal.ActorAuthentication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The audit log names people, tags and contacts as they were named when it happened, in the reader's
 * words, never by id; its record filter finds a contact by any name it had.
 */
@LiaisonIntegrationTest
class AuditNamesIntegrationTests {

    static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MemberService members;

    Api api;
    Api.Org org;
    Api.Person member;
    String tag;
    String contact;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg();
        member = api.newMember(org, "MANAGER");
        String group = api.createdId(json(post("/api/v1/tag-groups"), org.adminToken(), """
                {"name":"客户等级","color":"#112233"}"""));
        tag = api.createdId(json(post("/api/v1/tag-groups/" + group + "/tags"), org.adminToken(), """
                {"name":"重点客户"}"""));
        contact = api.createdId(json(post("/api/v1/contacts"), org.adminToken(), """
                {"name":"张伟","mobile":"13800138000","emails":[{"address":"zhangwei@example.cn"}],
                 "tagIds":["%s"],"shareUserIds":["%s"]}""".formatted(tag, member.id())));
        mvc.perform(json(patch("/api/v1/contacts/" + contact), org.adminToken(), """
                        {"ownerId":"%s","remark":"老客户"}""".formatted(member.id())))
                .andExpect(status().isOk());
        mvc.perform(as(post("/api/v1/contacts/" + contact + "/reveal"), org.adminToken()))
                .andExpect(status().isOk());
        rename("/api/v1/members/" + member.id(), "displayName", "王芳");
        rename("/api/v1/tags/" + tag, "name", "VIP");
        rename("/api/v1/contacts/" + contact, "name", "张伟明");
    }

    @Test
    void theChineseLogReadsNamesOfTheTimeAndWordsNotCodes() throws Exception {
        String page = text(html("zh-CN", get("/audit")));
        assertThat(page)
                .contains("Member " + member.login(), "重点客户", "张伟", "张伟明")
                .contains("负责人：", "共享给成员：", "标签：", "备注：（空） → 老客户", "查看的字段：手机、邮箱")
                .contains("创建成员", "修改联系人", "移交联系人", "查看联系人完整联系方式")
                .doesNotContain("remark", "ownerId", "tagIds", "mobile, emails", "true", "false");
        assertThat(UUID_TEXT.matcher(page).find())
                .as("an id in the text of %s", page)
                .isFalse();

        String rows = html("zh-CN", get("/audit").param("target", "张伟").header("HX-Request", "true"));
        assertThat(rows)
                .contains("href=\"/contacts/" + contact + "\"")
                .contains("href=\"/members/" + member.id() + "/edit\"")
                .contains("href=\"/contacts?tagId=" + tag + "\"");
    }

    /** A contact renamed is found by its old name and its new one, with all its entries either way. */
    @Test
    void theRecordFilterFindsAContactByAnyNameItHad() throws Exception {
        for (String name : List.of("张伟", "伟明", "张伟明")) {
            mvc.perform(as(get("/api/v1/audit-events").param("targetName", name), org.adminToken()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[*].targetId", everyItem(is(contact))))
                    .andExpect(jsonPath("$.items[*].action", hasItem("contact.created")))
                    .andExpect(jsonPath("$.items[*].action", hasItem("contact.revealed")));
        }
        String rows = html("en", get("/audit").param("target", "王").header("HX-Request", "true"));
        assertThat(rows).contains("Member created").doesNotContain("Contact created");
        String none = html("en", get("/audit").param("target", "%").header("HX-Request", "true"));
        assertThat(none).contains("No events found.");
        Api.Org other = api.newOrg();
        mvc.perform(as(get("/api/v1/audit-events").param("targetName", "张伟"), other.adminToken()))
                .andExpect(jsonPath("$.items").isEmpty());
    }

    /** The "who" filter finds a member by the name they acted under, before and after a rename. */
    @Test
    void theActorFilterFindsAMemberByAnyNameTheyActedUnder() throws Exception {
        Api.Person seller = api.newMember(org, "MANAGER");
        rename("/api/v1/members/" + seller.id(), "displayName", "欧阳娜娜");
        mvc.perform(json(post("/api/v1/contacts"), seller.token(), """
                        {"name":"李雷","mobile":"13900139001"}""")).andExpect(status().isCreated());
        rename("/api/v1/members/" + seller.id(), "displayName", "欧阳娜");
        mvc.perform(json(post("/api/v1/contacts"), seller.token(), """
                        {"name":"韩梅梅","mobile":"13900139002"}""")).andExpect(status().isCreated());

        for (String name : List.of("欧阳娜娜", "欧阳娜")) {
            String rows = text(html("zh-CN", get("/audit").param("actor", name).header("HX-Request", "true")));
            assertThat(rows).contains("李雷", "韩梅梅").doesNotContain("张伟", "重点客户");
        }
        String byId =
                text(html("zh-CN", get("/audit").param("actor", seller.id()).header("HX-Request", "true")));
        assertThat(byId).contains("李雷", "韩梅梅").doesNotContain("张伟");
        String nobody = text(html("en", get("/audit").param("actor", "诸葛").header("HX-Request", "true")));
        assertThat(nobody).contains("No events found.");
    }

    /** A custom field's value reads by the field's label, on the audit log and the timeline alike. */
    @Test
    void aCustomFieldReadsByItsLabelNotItsKey() throws Exception {
        api.createdId(json(post("/api/v1/custom-fields"), org.adminToken(), """
                {"key":"budget_code","label":"预算编号","type":"text"}"""));
        mvc.perform(json(patch("/api/v1/contacts/" + contact), org.adminToken(), """
                        {"customFields":{"budget_code":"B-42"}}"""))
                .andExpect(status().isOk());

        String audit = text(html("zh-CN", get("/audit").param("target", "张伟明").header("HX-Request", "true")));
        assertThat(audit).contains("预算编号：B-42").doesNotContain("budget_code");
        String timeline = text(html("zh-CN", get("/contacts/" + contact)));
        assertThat(timeline).contains("预算编号：B-42").doesNotContain("budget_code");
    }

    @Test
    void theApiAnswersTheNamesOfTheTime() throws Exception {
        String body = mvc.perform(as(get("/api/v1/audit-events").param("targetId", contact), org.adminToken()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> ownerNames =
                JsonPath.read(body, "$.items[?(@.action == 'contact.owner-changed')].names['" + member.id() + "']");
        assertThat(ownerNames).containsExactly("Member " + member.login());
        List<String> created = JsonPath.read(body, "$.items[?(@.action == 'contact.created')].names['" + tag + "']");
        assertThat(created).containsExactly("重点客户");
        String admin = JsonPath.read(
                mvc.perform(as(get("/api/v1/members/" + org.adminId()), org.adminToken()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.displayName");
        List<String> actor = JsonPath.read(body, "$.items[?(@.action == 'contact.created')].actorName");
        assertThat(actor).containsExactly(admin);
    }

    /** An entry whose names are unknown (a member long gone) reads as deleted, never as an id. */
    @Test
    void aRecordNoLongerKnownReadsAsDeleted() throws Exception {
        jdbc.sql("""
                        INSERT INTO audit_event (id, org_id, actor_id, action, target_type, target_id, after)
                        VALUES (?, ?::uuid, ?, 'contact.owner-changed', 'contact', ?, ?::jsonb)
                        """)
                .params(
                        UUID.randomUUID(),
                        org.id(),
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "{\"ownerId\":\"" + UUID.randomUUID() + "\"}")
                .update();
        String page = text(html("zh-CN", get("/audit")));
        assertThat(page).contains("组织外的管理员", "负责人：已删除的成员", "已删除的联系人");
        assertThat(UUID_TEXT.matcher(page).find()).isFalse();
    }

    /** The migration that introduced names gives older entries the names of today. */
    @Test
    void olderEntriesTakeTodaysNamesFromTheMigration() throws Exception {
        jdbc.sql("UPDATE audit_event SET names = '{}' WHERE org_id = ?::uuid")
                .param(org.id())
                .update();
        String migration = Files.readString(Path.of("src/main/resources/db/migration/V20__audit_names.sql"));
        int start = migration.indexOf("WITH mentioned");
        jdbc.sql(migration.substring(start, migration.indexOf(';', start))).update();

        String page = text(html("zh-CN", get("/audit")));
        assertThat(page).contains("移交联系人 联系人 张伟明 负责人：" + org.adminLogin()).contains("→ 王芳", "标签：VIP", "共享给成员：王芳");
        assertThat(UUID_TEXT.matcher(page).find()).isFalse();
    }

    private void rename(String path, String field, String name) throws Exception {
        mvc.perform(json(patch(path), org.adminToken(), "{\"" + field + "\":\"" + name + "\"}"))
                .andExpect(status().isOk());
    }

    private String html(
            String language, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        Actor admin = members.actor(UUID.fromString(org.adminId())).orElseThrow();
        return mvc.perform(request.header("Accept-Language", language)
                        .with(authentication(new ActorAuthentication(admin))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** What a reader sees of a page: its text without tags and attributes. */
    static String text(String html) {
        return html.replaceAll("(?s)<script.*?</script>", " ")
                .replaceAll("(?s)</?(div|td|th|tr|li|p|ul|ol|br|h[1-6]|option|label|button|nav|title)\\b[^>]*>", " ")
                .replaceAll("(?s)<[^>]*>", "")
                .replaceAll("&#39;", "'")
                .replaceAll("\\s+", " ");
    }
}
