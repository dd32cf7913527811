package io.liaison.contact.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.contact.ContactFilter;
import io.liaison.contact.ContactService;
import io.liaison.contact.ContactSort;
import io.liaison.contact.field.CustomFieldService;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.identity.OrganizationService;
import io.liaison.identity.internal.ActorAuthentication;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The contact form offers the organization's custom fields, with their rules. */
@LiaisonIntegrationTest
class ContactFormCustomFieldsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberService members;

    @Autowired
    OrganizationService organizations;

    @Autowired
    ContactService contacts;

    @Autowired
    CustomFieldService customFields;

    @Autowired
    JdbcClient jdbc;

    Actor admin;

    @BeforeEach
    void newOrganizationWithFields() {
        UUID systemAdminId = jdbc.sql("SELECT id FROM member WHERE login = 'admin' AND system_admin")
                .query(UUID.class)
                .single();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        var created = organizations.create(
                members.actor(systemAdminId).orElseThrow(),
                new OrganizationService.CreateOrganization(
                        "Fields " + suffix, "fields-" + suffix, "zh-CN", "boss", "boss-password-1", "Boss"));
        admin = members.actor(created.admin().id()).orElseThrow();
        customFields.create(
                admin,
                new CustomFieldService.NewCustomField("industry", "行业", "select", List.of("制造", "零售"), true, null));
        customFields.create(
                admin,
                new CustomFieldService.NewCustomField(
                        "regions", "区域", "multiselect", List.of("华东", "华南"), false, null));
    }

    @Test
    void theFormShowsEachFieldAndARequiredOneMustBeFilled() throws Exception {
        String form = mvc.perform(get("/contacts/new").with(authentication(new ActorAuthentication(admin))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(form).contains("name=\"cf.industry\"", "name=\"cf.regions\"", "行业", "华南");

        String refused = mvc.perform(post("/contacts")
                        .with(csrf())
                        .with(authentication(new ActorAuthentication(admin)))
                        .param("name", "王芳")
                        .param("cf.regions", "华东"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("is-invalid").contains("value=\"华东\" checked");

        mvc.perform(post("/contacts")
                        .with(csrf())
                        .with(authentication(new ActorAuthentication(admin)))
                        .param("name", "王芳")
                        .param("cf.industry", "制造")
                        .param("cf.regions", "华东", "华南"))
                .andExpect(status().is3xxRedirection());
        var saved = contacts.list(admin, ContactFilter.none(), ContactSort.DEFAULT, null, 10)
                .items()
                .get(0);
        assertThat(saved.fields().customFields()).containsEntry("industry", "制造");
        assertThat(saved.fields().customFields().get("regions")).isEqualTo(List.of("华东", "华南"));

        mvc.perform(post("/contacts/" + saved.id())
                        .with(csrf())
                        .with(authentication(new ActorAuthentication(admin)))
                        .param("name", "王芳")
                        .param("version", String.valueOf(saved.version()))
                        .param("cf.industry", "零售"))
                .andExpect(status().is3xxRedirection());
        var changed = contacts.get(admin, saved.id()).fields().customFields();
        assertThat(changed).containsEntry("industry", "零售").doesNotContainKey("regions");
    }
}
