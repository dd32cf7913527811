package io.liaison.task.cadence;

import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.contact.ContactSetup;
import io.liaison.contact.TagGroup;
import io.liaison.identity.Actor;
import io.liaison.identity.Api;
import io.liaison.identity.MemberService;
import io.liaison.identity.internal.ActorAuthentication;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The cadence on the contact page (a form for whoever may edit the contact, the next touch or the
 * overdue day), on the tags page (for tag managers) and the list of contacts due for a touch, in
 * Chinese and English.
 */
@LiaisonIntegrationTest
class CadencePagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MemberService members;

    @Autowired
    ContactSetup setup;

    @Test
    void theContactPageSetsTheContactsCadenceAndSaysWhenTheNextTouchIsDue() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person ann = api.newMember(org, "MEMBER");
        Api.Person reader = api.newMember(org, "MEMBER");
        Actor owner = actor(ann.id());
        String contact = api.createdId(json(post("/api/v1/contacts"), ann.token(), """
                {"name":"张三","shareUserIds":["%s"]}
                """.formatted(reader.id())));

        assertThat(page(get("/contacts/" + contact), owner, "en"))
                .as("the contact page loads the section")
                .contains("/contacts/" + contact + "/cadence");
        assertThat(fragment(get("/contacts/" + contact + "/cadence"), owner, "en"))
                .contains("Stay in touch", "No cadence", "id=\"contact-cadence-form\"");

        String saved = fragment(post("/contacts/" + contact + "/cadence").param("everyDays", "14"), owner, "zh-CN");
        assertThat(saved).contains("保持联系", "每 14 天", "下次应在", "已保存。");
        assertThat(saved).doesNotContain("逾期");

        jdbc.sql("UPDATE contact SET created_at = now() - interval '20 days' WHERE id = ?")
                .param(UUID.fromString(contact))
                .update();
        assertThat(fragment(get("/contacts/" + contact + "/cadence"), owner, "en"))
                .contains("every 14 days", "Overdue since");
        assertThat(fragment(get("/contacts/" + contact + "/cadence"), actor(reader.id()), "zh-CN"))
                .as("a reader who may not edit the contact sees the cadence without the form")
                .contains("每 14 天", "自 ")
                .doesNotContain("contact-cadence-form");

        assertThat(fragment(post("/contacts/" + contact + "/cadence").param("everyDays", ""), owner, "en"))
                .as("empty days remove the contact's own cadence")
                .contains("No cadence");
    }

    @Test
    void theTagsPageSetsATagsCadenceAndTheDueListShowsTheDueContacts() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Actor admin = actor(org.adminId());
        Api.Person ann = api.newMember(org, "MEMBER");
        TagGroup group = setup.createTagGroup(admin, "客户分层", "#336699");
        UUID vip = setup.createTag(admin, group.id(), "重要客户").id();
        String contact = api.createdId(json(post("/api/v1/contacts"), ann.token(), """
                {"name":"李四","tagIds":["%s"]}
                """.formatted(vip)));

        assertThat(page(get("/tags"), admin, "en")).contains("/cadences/tags");
        assertThat(fragment(get("/cadences/tags"), admin, "en"))
                .contains("Stay-in-touch cadences", "No tag has a cadence yet.", "tag-cadence-form");
        assertThat(fragment(get("/cadences/tags"), actor(ann.id()), "en"))
                .as("a member who does not manage tags sees no form")
                .doesNotContain("tag-cadence-form");
        assertThat(fragment(
                        post("/cadences/tags").param("tagId", vip.toString()).param("everyDays", "14"), admin, "zh-CN"))
                .contains("联系周期", "重要客户", "每 14 天");

        jdbc.sql("UPDATE contact SET created_at = now() - interval '20 days' WHERE id = ?")
                .param(UUID.fromString(contact))
                .update();
        String english = page(get("/cadences/due"), actor(ann.id()), "en");
        assertThat(english).contains("Due for a touch", "李四", "every 14 days", "never", "/contacts/" + contact);
        String chinese = page(get("/cadences/due"), actor(ann.id()), "zh-CN");
        assertThat(chinese).contains("待联系", "李四", "每 14 天", "从未");
        assertThat(page(get("/cadences/due"), admin, "en")).contains("李四");
        Api.Person bob = api.newMember(org, "MEMBER");
        assertThat(page(get("/cadences/due"), actor(bob.id()), "en"))
                .as("a member who does not see the contact")
                .contains("Nobody is due for a touch.")
                .doesNotContain("李四");
    }

    private String page(MockHttpServletRequestBuilder request, Actor actor, String language) throws Exception {
        var response = mvc.perform(request.header("Accept-Language", language)
                        .with(authentication(new ActorAuthentication(actor)))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }

    private String fragment(MockHttpServletRequestBuilder request, Actor actor, String language) throws Exception {
        return page(request.header("HX-Request", "true"), actor, language);
    }

    private Actor actor(String memberId) {
        return members.actor(UUID.fromString(memberId)).orElseThrow();
    }
}
