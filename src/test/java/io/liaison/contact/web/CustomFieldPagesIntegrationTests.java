package io.liaison.contact.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.contact.CustomField;
import io.liaison.contact.TestOrgs;
import io.liaison.contact.field.CustomFieldService;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.identity.internal.ActorAuthentication;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@LiaisonIntegrationTest
class CustomFieldPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberService members;

    @Autowired
    CustomFieldService fields;

    Actor admin;
    Actor reader;

    @BeforeEach
    void setUp() throws Exception {
        TestOrgs orgs = new TestOrgs(mvc);
        TestOrgs.Org org = orgs.newOrg("en");
        admin = members.actor(org.adminId()).orElseThrow();
        reader = members.actor(orgs.newMember(org, "MEMBER").id()).orElseThrow();
    }

    @Test
    void administratorsDefineEditAndDeleteFields() throws Exception {
        String created = body(
                htmx(post("/custom-fields")
                        .param("key", "industry")
                        .param("label", "Industry")
                        .param("type", "select")
                        .param("options", "Retail\r\n\r\n Banking \n")
                        .param("required", "true")),
                admin,
                status().isOk());
        assertThat(created)
                .contains("Custom field “Industry” created.", "Retail", "Banking")
                .doesNotContain("<nav");
        CustomField field = fields.list(admin).get(0);
        assertThat(field.options()).containsExactly("Retail", "Banking");
        assertThat(field.required()).isTrue();

        String edit = body(htmx(get("/custom-fields/{id}/edit", field.id())), admin, status().isOk());
        assertThat(edit).contains("name=\"version\"", "Retail\nBanking").doesNotContain("<nav");
        body(
                htmx(post("/custom-fields/{id}", field.id())
                        .param("label", "Sector")
                        .param("options", "Retail\nBanking\nFarming")
                        .param("version", "1")),
                admin,
                status().isOk());
        CustomField changed = fields.get(admin, field.id());
        assertThat(changed.label()).isEqualTo("Sector");
        assertThat(changed.options()).containsExactly("Retail", "Banking", "Farming");
        assertThat(changed.required()).isFalse();

        String page = body(get("/custom-fields"), admin, status().isOk());
        assertThat(page).contains("<nav", "custom-field-create", "Sector", "Delete the field “Sector”?");

        body(htmx(post("/custom-fields/{id}/delete", field.id()).param("version", "2")), admin, status().isOk());
        assertThat(fields.list(admin)).isEmpty();
    }

    @Test
    void anHtmxRequestAnswersThePanelWithoutTheLayout() throws Exception {
        String fragment = body(get("/custom-fields").header("HX-Request", "true"), admin, status().isOk());
        assertThat(fragment).contains("id=\"custom-field-panel\"").doesNotContain("<html", "<nav", "<head");
    }

    @Test
    void membersReadFieldsWithoutManagementButtons() throws Exception {
        fields.create(admin, new CustomFieldService.NewCustomField("wechat", "WeChat", "text", null, false, null));
        String page = body(get("/custom-fields").header("Accept-Language", "zh-CN"), reader, status().isOk());
        assertThat(page).contains("WeChat", "自定义字段").doesNotContain("custom-field-create", "/delete", "/edit");
    }

    @Test
    void aRefusedDefinitionBecomesAToast() throws Exception {
        mvc.perform(htmx(post("/custom-fields")
                                .param("key", "Bad Key")
                                .param("label", "Bad")
                                .param("type", "text"))
                        .header("Accept-Language", "zh-CN")
                        .with(authentication(new ActorAuthentication(admin))))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("HX-Retarget", "#toasts"))
                .andExpect(result -> assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                        .contains("字段键：须为 1 到 40 个小写字母"));
    }

    static MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request) {
        return request.header("HX-Request", "true").with(csrf());
    }

    String body(MockHttpServletRequestBuilder request, Actor actor, ResultMatcher expected) throws Exception {
        return mvc.perform(request.with(authentication(new ActorAuthentication(actor))))
                .andExpect(expected)
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
