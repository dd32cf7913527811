package io.liaison.push.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.contact.ContactService;
import io.liaison.contact.field.CustomFieldService;
import io.liaison.contact.field.CustomFieldService.NewCustomField;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.identity.OrganizationService;
import io.liaison.identity.PageActors;
import io.liaison.identity.internal.ActorAuthentication;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * The templates page in both languages: the variable picker with the organization's custom fields,
 * saving a template over htmx, the preview for a contact (and why there is none), and no page for
 * a member who may not send pushes.
 */
@LiaisonIntegrationTest
class PushTemplatePagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberService members;

    @Autowired
    OrganizationService organizations;

    @Autowired
    CustomFieldService fields;

    @Autowired
    ContactService contacts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aManagerWritesATemplateWithTheVariablePickerInEnglish() throws Exception {
        Actor boss = PageActors.newOrganizationAdmin(members, organizations, jdbc, "Templates", "en", "Ann Boss");
        fields.create(boss, new NewCustomField("industry", "Industry", "text", List.of(), false, null));

        String page = text(perform(get("/push/templates"), boss, "en", false));
        assertThat(page)
                .contains("Push templates")
                .contains("Insert a variable")
                .contains("data-variable=\"{{owner.name}}\"")
                .contains("data-variable=\"{{field.industry}}\">Industry</button>")
                .contains("No templates yet.");

        String saved = text(perform(
                post("/push/templates")
                        .param("name", "Spring offer")
                        .param("subject", "Hello {{name|friend}}")
                        .param("body", "From {{owner.name}}"),
                boss,
                "en",
                true));
        assertThat(saved)
                .contains("Template \"Spring offer\" created.")
                .contains("Hello {{name|friend}}")
                .contains("hx-swap-oob=\"outerHTML\"");

        UUID id = jdbc.sql("SELECT id FROM push_template WHERE org_id = ? AND name = 'Spring offer'")
                .param(boss.orgId())
                .query(UUID.class)
                .single();
        String editing = text(perform(get("/push/templates/" + id + "/edit"), boss, "en", true));
        assertThat(editing).contains("Edit \"Spring offer\"").contains("From {{owner.name}}");
        String changed = text(perform(
                post("/push/templates/" + id)
                        .param("name", "Summer offer")
                        .param("subject", "Hi {{ name }}")
                        .param("body", "From {{owner.name}}")
                        .param("version", "0"),
                boss,
                "en",
                true));
        assertThat(changed).contains("Template \"Summer offer\" saved.").doesNotContain("Spring offer");

        MockHttpServletResponse refused = perform(
                post("/push/templates")
                        .param("name", "Other")
                        .param("subject", "Hi")
                        .param("body", "{{nickname}}"),
                boss,
                "en",
                true);
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(text(refused)).contains("{{nickname}}").contains("is not a variable");
    }

    @Test
    void thePreviewRendersForAContactTheManagerSeesInChinese() throws Exception {
        Actor boss = PageActors.newOrganizationAdmin(members, organizations, jdbc, "Templates", "zh-CN", "王经理");
        UUID zhang = contact(boss, "张三", "星辰科技");

        String page = text(perform(get("/push/templates"), boss, "zh-CN", false));
        assertThat(page).contains("群发模板").contains("插入变量").contains(">负责人姓名</button>");

        String found = text(perform(get("/push/templates/contacts").param("q", "张"), boss, "zh-CN", true));
        assertThat(found).contains("data-contact-id=\"" + zhang + "\"").contains("星辰科技");

        String preview = text(perform(
                post("/push/templates/preview")
                        .param("subject", "{{name}}，你好")
                        .param("body", "**{{company}}** 的朋友")
                        .param("contactId", zhang.toString()),
                boss,
                "zh-CN",
                true));
        assertThat(preview).contains("张三，你好").contains("<strong>星辰科技</strong> 的朋友");

        String withoutContact = text(perform(
                post("/push/templates/preview")
                        .param("subject", "{{name|各位}}，你好")
                        .param("body", "x"),
                boss,
                "zh-CN",
                true));
        assertThat(withoutContact).contains("各位，你好");

        String unknown = text(perform(
                post("/push/templates/preview").param("subject", "你好").param("body", "{{ 昵称 }}"), boss, "zh-CN", true));
        assertThat(unknown).contains("未知变量").contains("{{昵称}}");
    }

    @Test
    void aMemberWhoMayNotSendPushesHasNoTemplatesPage() throws Exception {
        Actor boss = PageActors.newOrganizationAdmin(members, organizations, jdbc, "Templates", "en", "Ann Boss");
        Actor member = new PageActors(mvc, members, organizations, jdbc)
                .newMember(boss, "m" + UUID.randomUUID().toString().substring(0, 6), "MEMBER");

        assertThat(perform(get("/push/templates"), member, "en", false).getStatus())
                .isEqualTo(403);
        assertThat(perform(post("/push/templates/preview").param("subject", "x").param("body", "y"), member, "en", true)
                        .getStatus())
                .isEqualTo(403);
    }

    private MockHttpServletResponse perform(
            MockHttpServletRequestBuilder request, Actor actor, String language, boolean htmx) throws Exception {
        if (htmx) {
            request.header("HX-Request", "true");
        }
        return mvc.perform(request.header("Accept-Language", language)
                        .with(authentication(new ActorAuthentication(actor)))
                        .with(csrf()))
                .andReturn()
                .getResponse();
    }

    private static String text(MockHttpServletResponse response) throws Exception {
        return HtmlUtils.htmlUnescape(response.getContentAsString());
    }

    private UUID contact(Actor actor, String name, @Nullable String company) {
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("name", name);
        body.put("company", company);
        return contacts.create(actor, body, "manual", true).id();
    }
}
