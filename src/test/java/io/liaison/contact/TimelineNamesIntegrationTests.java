package io.liaison.contact;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A contact's timeline over the API carries what a client shows without further calls: the actor's
 * name, the names of the tags and members involved as they were then, a follow-up's type and content.
 */
@LiaisonIntegrationTest
class TimelineNamesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void timelineEntriesCarryNamesOfTheTimeAndFollowUps() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person member = api.newMember(org, "MANAGER");
        String group = api.createdId(json(post("/api/v1/tag-groups"), org.adminToken(), """
                {"name":"等级","color":"#112233"}"""));
        String tag = api.createdId(json(post("/api/v1/tag-groups/" + group + "/tags"), org.adminToken(), """
                {"name":"重点客户"}"""));
        String contact = api.createdId(json(post("/api/v1/contacts"), org.adminToken(), """
                {"name":"张伟"}"""));
        change(org, "/api/v1/contacts/" + contact, """
                {"tagIds":["%s"],"shareUserIds":["%s"]}""".formatted(tag, member.id()));
        change(org, "/api/v1/contacts/" + contact, """
                {"ownerId":"%s"}""".formatted(member.id()));
        api.createdId(json(post("/api/v1/contacts/" + contact + "/follow-ups"), org.adminToken(), """
                {"type":"call","content":"电话沟通报价"}"""));
        change(org, "/api/v1/members/" + member.id(), """
                {"displayName":"王芳"}""");
        change(org, "/api/v1/tags/" + tag, """
                {"name":"VIP"}""");

        String body = mvc.perform(as(get("/api/v1/contacts/" + contact + "/timeline"), org.adminToken()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String admin = JsonPath.read(body, "$.items[0].actorName");
        assertThat(admin).isNotBlank();
        List<Map<String, Object>> followUps = JsonPath.read(body, "$.items[?(@.kind == 'follow_up')].data");
        assertThat(followUps.get(0)).containsEntry("type", "call").containsEntry("content", "电话沟通报价");
        List<String> tagNames = JsonPath.read(body, "$.items[?(@.kind == 'tags_changed')].names['" + tag + "']");
        assertThat(tagNames).containsExactly("重点客户");
        List<String> owners = JsonPath.read(body, "$.items[?(@.kind == 'owner_changed')].names['" + member.id() + "']");
        assertThat(owners).containsExactly("Member " + member.login());
        List<String> shared = JsonPath.read(body, "$.items[?(@.kind == 'updated')].names['" + member.id() + "']");
        assertThat(shared).containsExactly("Member " + member.login());
        List<String> actors = JsonPath.read(body, "$.items[*].actorName");
        assertThat(actors).hasSize(5).containsOnly(admin);
    }

    /** An entry written before names were kept reads today's names; one about a member no longer known, none. */
    @Test
    void olderEntriesReadTodaysNames() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person member = api.newMember(org, "MANAGER");
        String contact = api.createdId(json(post("/api/v1/contacts"), org.adminToken(), """
                {"name":"李娜"}"""));
        change(org, "/api/v1/contacts/" + contact, """
                {"ownerId":"%s"}""".formatted(member.id()));
        jdbc.sql("UPDATE contact_timeline SET data = data - 'names' WHERE contact_id = ?::uuid")
                .param(contact)
                .update();
        change(org, "/api/v1/members/" + member.id(), """
                {"displayName":"王芳"}""");

        String body = mvc.perform(as(get("/api/v1/contacts/" + contact + "/timeline"), org.adminToken()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> owners = JsonPath.read(body, "$.items[?(@.kind == 'owner_changed')].names['" + member.id() + "']");
        assertThat(owners).containsExactly("王芳");
        List<Object> data = JsonPath.read(body, "$.items[*].data.names");
        assertThat(data).isEmpty();
    }

    private void change(Api.Org org, String path, String body) throws Exception {
        mvc.perform(json(patch(path), org.adminToken(), body)).andExpect(status().isOk());
    }
}
