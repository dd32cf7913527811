package io.liaison.contact.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.contact.Tag;
import io.liaison.contact.TagGroup;
import io.liaison.contact.TestOrgs;
import io.liaison.contact.tag.TagService;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.identity.internal.ActorAuthentication;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@LiaisonIntegrationTest
class TagPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberService members;

    @Autowired
    TagService tags;

    Actor admin;
    Actor reader;

    @BeforeEach
    void setUp() throws Exception {
        TestOrgs orgs = new TestOrgs(mvc);
        TestOrgs.Org org = orgs.newOrg("zh-CN");
        admin = members.actor(org.adminId()).orElseThrow();
        reader = members.actor(orgs.newMember(org, "MEMBER").id()).orElseThrow();
    }

    @Test
    void administratorsSeeGroupsAsCardsWithTheirManagement() throws Exception {
        String page = body(get("/tags").header("Accept-Language", "zh-CN"), admin, status().isOk());
        assertThat(page)
                .contains("<nav", "tag-group-create", "类型", "客户", "级别", "单选", "--tag-color: #D97706")
                .contains("/tags/groups/", "/delete", "/move", "href=\"/tags\"", "href=\"/custom-fields\"")
                // the tags page counts each tag's contacts for those who manage tags
                .contains("class=\"tag-count\"");
    }

    @Test
    void pagesThatOnlyPickTagsDoNotCountTheirContacts() throws Exception {
        assertThat(tags.list(admin).stream().flatMap(g -> g.tags().stream()).map(Tag::contactCount))
                .isNotEmpty()
                .containsOnlyNulls();
        assertThat(tags.listCounted(admin).stream()
                        .flatMap(g -> g.tags().stream())
                        .map(Tag::contactCount))
                .doesNotContainNull();
    }

    @Test
    void anHtmxRequestAnswersThePanelWithoutTheLayout() throws Exception {
        String fragment = body(get("/tags").header("HX-Request", "true"), admin, status().isOk());
        assertThat(fragment).contains("id=\"tag-panel\"", "类型").doesNotContain("<html", "<nav", "<head");
    }

    @Test
    void membersReadTagsWithoutManagementButtons() throws Exception {
        String page = body(get("/tags"), reader, status().isOk());
        assertThat(page).contains("类型", "客户").doesNotContain("tag-group-create", "/delete", "/move", "tag-create");
        body(
                post("/tags/groups")
                        .param("name", "Mine")
                        .param("color", "#123456")
                        .with(csrf()),
                reader,
                status().isForbidden());
    }

    @Test
    void administratorsShapeGroupsAndTagsThroughHtmx() throws Exception {
        String created = body(
                htmx(post("/tags/groups").param("name", "行业").param("color", "#7C3AED"))
                        .header("Accept-Language", "zh-CN"),
                admin,
                status().isOk());
        assertThat(created).contains("行业", "标签组“行业”已创建").doesNotContain("<nav");
        TagGroup industry = group("行业");

        body(htmx(post("/tags/groups/{id}/tags", industry.id()).param("name", "零售")), admin, status().isOk());
        body(htmx(post("/tags/groups/{id}/tags", industry.id()).param("name", "制造")), admin, status().isOk());
        body(htmx(post("/tags/groups/{id}/move", industry.id()).param("step", "-1")), admin, status().isOk());
        TagGroup moved = group("行业");
        body(htmx(post("/tags/{id}/move", moved.tags().get(1).id()).param("step", "-1")), admin, status().isOk());

        List<TagGroup> groups = tags.list(admin);
        assertThat(groups.get(2).name()).isEqualTo("行业");
        assertThat(groups.get(2).tags()).extracting(t -> t.name()).containsExactly("制造", "零售");

        String edit = body(htmx(get("/tags/{id}/edit", moved.tags().get(0).id())), admin, status().isOk());
        assertThat(edit).contains("name=\"version\"", "value=\"零售\"").doesNotContain("<nav");
        body(
                htmx(post("/tags/groups/{id}", industry.id())
                        .param("name", "所属行业")
                        .param("color", "#0EA5E9")
                        .param("exclusive", "true")
                        .param("version", String.valueOf(group("行业").version()))),
                admin,
                status().isOk());
        assertThat(group("所属行业").exclusive()).isTrue();
    }

    @Test
    void theNewGroupFormOffersThePalettesNextColourAndAGroupWithoutOneGetsIt() throws Exception {
        // The default groups have #2563EB, #D97706 and #059669: the next of the palette is #DC2626.
        String page = body(get("/tags"), admin, status().isOk());
        assertThat(page).containsPattern("id=\"new-group-color\" name=\"color\"\\s+value=\"#DC2626\"");
        String created = body(htmx(post("/tags/groups").param("name", "行业")), admin, status().isOk());
        assertThat(created).contains("--tag-color: #DC2626").containsPattern("value=\"#7C3AED\"");
        assertThat(group("行业").color()).isEqualTo("#DC2626");
    }

    @Test
    void aRefusedChangeBecomesAToastInTheUsersLanguage() throws Exception {
        String toast = body(
                htmx(post("/tags/groups").param("name", "类型").param("color", "#123456"))
                        .header("Accept-Language", "zh-CN"),
                admin,
                status().isConflict());
        assertThat(toast).contains("toast", "已存在名为“类型”的标签组").doesNotContain("<nav");

        String invalid = body(
                htmx(post("/tags/groups").param("name", "x").param("color", "blue"))
                        .header("Accept-Language", "en"),
                admin,
                status().isBadRequest());
        assertThat(invalid).contains("Colour: must be a colour such as #1E88E5");
    }

    TagGroup group(String name) {
        return tags.list(admin).stream()
                .filter(g -> g.name().equals(name))
                .findFirst()
                .orElseThrow();
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
